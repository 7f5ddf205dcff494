package dev.idsettle.ledger;

import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs store work again when the store reports a conflict ({@link RetryableStoreException}), with
 * jittered exponential backoff, up to a number of attempts in all.
 */
final class Retrier {
  private final int maxAttempts;
  private final Duration maxBackoff;

  Retrier(int maxAttempts, Duration maxBackoff) {
    this.maxAttempts = maxAttempts;
    this.maxBackoff = maxBackoff;
  }

  /**
   * The result of the first attempt that does not conflict.
   *
   * @throws StoreException once {@code maxAttempts} attempts conflicted (nothing was committed)
   */
  <T> T run(Attempt<T> attempt) {
    long backoffMicros = 200;
    for (int i = 1; ; i++) {
      try {
        return attempt.run();
      } catch (RetryableStoreException e) {
        if (i >= maxAttempts) {
          throw new StoreException(
              "gave up after "
                  + i
                  + " attempts that conflicted with concurrent transactions; nothing was committed:"
                  + " retry later, or lower contention on the accounts involved",
              false,
              e);
        }
        long jittered = ThreadLocalRandom.current().nextLong(backoffMicros / 2, backoffMicros + 1);
        sleepMicros(jittered);
        backoffMicros = Math.min(backoffMicros * 2, maxBackoff.toNanos() / 1000);
      }
    }
  }

  private static void sleepMicros(long micros) {
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while backing off; nothing was committed", false, e);
    }
  }

  /** One attempt of store work. */
  @FunctionalInterface
  interface Attempt<T> {
    T run();
  }
}
