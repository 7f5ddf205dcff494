package dev.idsettle.store.jdbc.internal;

import java.time.Instant;

/**
 * Instants as epoch nanoseconds, the form the schema keeps them in: exact to the nanosecond (a
 * {@code TIMESTAMP} column of PostgreSQL keeps microseconds only) between 1677 and 2262. Instants
 * outside that range (only a fixed expiry instant can be) are clamped to it.
 */
final class Instants {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Instants() {}

  static long toNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
