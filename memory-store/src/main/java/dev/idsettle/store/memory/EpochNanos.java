package dev.idsettle.store.memory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Instants as nanoseconds since the epoch in one long (years 1677 to 2262). {@link #NONE} stands
 * for an instant outside that range, which callers keep elsewhere.
 */
final class EpochNanos {
  /** Not a representable instant (also the encoding of the instant that equals it). */
  static final long NONE = Long.MIN_VALUE;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /** The instant as epoch nanoseconds, or {@link #NONE} if it does not fit. */
  static long of(Instant instant) {
    long seconds = instant.getEpochSecond();
    long nanos = instant.getNano();
    if (seconds < 0 && nanos > 0) {
      // the same instant as (seconds + 1, nanos - 1s), whose product overflows one second later
      seconds++;
      nanos -= NANOS_PER_SECOND;
    }
    try {
      return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    } catch (ArithmeticException e) {
      return NONE;
    }
  }

  /** Whether {@code instant} fits. */
  static boolean fits(@Nullable Instant instant) {
    return instant != null && of(instant) != NONE;
  }

  /** The instant of epoch nanoseconds other than {@link #NONE}. */
  static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
