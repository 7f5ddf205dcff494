package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stripe excludes: increments under it from many threads are never lost. */
class StripeLocksTest {
  private final StripeLocks locks = new StripeLocks(16);
  private final long[] counters = new long[2];

  @Test
  void incrementsUnderAStripeAreNeverLost() throws Exception {
    int threads = 6;
    int each = 50_000;
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int stripe = 3 + 8 * (t % 2);
      int counter = t % 2;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  locks.lock(stripe);
                  try {
                    counters[counter]++;
                  } finally {
                    locks.unlock(stripe);
                  }
                }
              });
      running.add(thread);
      thread.start();
    }
    for (Thread t : running) {
      t.join();
    }

    assertThat(counters[0]).isEqualTo((long) each * threads / 2);
    assertThat(counters[1]).isEqualTo((long) each * threads / 2);
    assertThat(locks.isLocked(3)).isFalse();
  }

  @Test
  void aHeldStripeIsLockedUntilReleased() {
    locks.lock(5);
    assertThat(locks.isLocked(5)).isTrue();
    assertThat(locks.isLocked(4)).isFalse();
    locks.unlock(5);
    assertThat(locks.isLocked(5)).isFalse();
  }
}
