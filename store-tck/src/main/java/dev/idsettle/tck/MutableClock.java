package dev.idsettle.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand, so that hold timeouts and expiry are tested without sleeping.
 * Thread-safe; always in UTC.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  private MutableClock(Instant start) {
    this.now = start;
  }

  /** A clock standing at {@code start}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(start);
  }

  /** Moves the clock forward by {@code amount} (which must not be negative). */
  public synchronized void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward, was asked " + amount);
    }
    now = now.plus(amount);
  }

  /** Sets the clock to {@code instant}. */
  public synchronized void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock; a mutable clock has no other zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("a MutableClock is always in UTC, asked " + zone);
    }
    return this;
  }
}
