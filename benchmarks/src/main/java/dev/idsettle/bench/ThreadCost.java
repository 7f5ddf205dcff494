package dev.idsettle.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time and allocated bytes of a set of threads (by name), between two snapshots, from the JVM's
 * own per-thread counters ({@code com.sun.management.ThreadMXBean}): what a part of a load costs
 * per request, measured in the same run as the load.
 */
final class ThreadCost {
  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    MX.setThreadCpuTimeEnabled(true);
    MX.setThreadAllocatedMemoryEnabled(true);
  }

  private final Predicate<String> threads;
  private final Map<Long, long[]> start = new HashMap<>();

  private ThreadCost(Predicate<String> threads) {
    this.threads = threads;
  }

  /** Starts counting the threads whose names {@code threads} accepts. */
  static ThreadCost of(Predicate<String> threads) {
    ThreadCost c = new ThreadCost(threads);
    c.start.putAll(c.snapshot());
    return c;
  }

  /** The calling thread's CPU nanoseconds and allocated bytes so far. */
  static long[] current() {
    return new long[] {MX.getCurrentThreadCpuTime(), MX.getCurrentThreadAllocatedBytes()};
  }

  private Map<Long, long[]> snapshot() {
    Map<Long, long[]> now = new HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (threads.test(t.getName())) {
        long id = t.getId();
        now.put(id, new long[] {MX.getThreadCpuTime(id), MX.getThreadAllocatedBytes(id)});
      }
    }
    return now;
  }

  /** CPU nanoseconds and allocated bytes of the counted threads since {@link #of}. */
  long[] sinceStart() {
    long cpu = 0;
    long bytes = 0;
    for (Map.Entry<Long, long[]> e : snapshot().entrySet()) {
      long[] was = start.getOrDefault(e.getKey(), new long[2]);
      cpu += Math.max(0, e.getValue()[0] - was[0]);
      bytes += Math.max(0, e.getValue()[1] - was[1]);
    }
    return new long[] {cpu, bytes};
  }
}
