package dev.idsettle.tck;

import dev.idsettle.roles.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a scenario's random steps on many threads released at once, collecting what went wrong. */
final class ScenarioThreads {
  private ScenarioThreads() {}

  /** One random step of a scenario; its result is checked for an unknown outcome. */
  interface Step {
    Object run(Random random);
  }

  /**
   * Runs {@code operations} steps on each of {@code threads} threads (thread t's random seeded with
   * {@code seed + t}); adds to {@code violations} every unknown outcome and every failed thread.
   */
  static void run(int threads, int operations, long seed, Step step, List<String> violations)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        Random random = new Random(seed + t);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < operations; i++) {
                    if (step.run(random) instanceof Unknown u) {
                      violations.add("an outcome was unknown: " + u.message());
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> fu : futures) {
        try {
          fu.get();
        } catch (ExecutionException e) {
          violations.add("a thread failed: " + e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
