package dev.idsettle.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts attempts with unknown (or not yet activated) ID numbers per terminal; past {@code limit}
 * attempts within {@code window} of the first, the terminal is throttled until the window ends.
 * This is what makes guessing ID numbers from a terminal hopeless.
 */
public final class UnknownIdThrottle {
  private final int limit;
  private final Cache<String, AtomicInteger> attempts;

  /**
   * A throttle allowing {@code limit} misses per terminal per {@code window}, timed by {@code
   * clock}, whose names take at most about {@code maxBytes} bytes.
   */
  public UnknownIdThrottle(int limit, Duration window, Clock clock, long maxBytes) {
    this.limit = limit;
    this.attempts =
        Caffeine.newBuilder()
            .expireAfterWrite(window)
            .maximumWeight(maxBytes)
            .<String, AtomicInteger>weigher((name, n) -> 128 + 2 * name.length())
            .ticker(() -> clock.millis() * 1_000_000L)
            .build();
  }

  /** Whether {@code terminal} is throttled now. */
  public boolean isThrottled(String terminal) {
    AtomicInteger n = attempts.getIfPresent(terminal);
    return n != null && n.get() >= limit;
  }

  /** Counts a miss by {@code terminal}. */
  public void recordMiss(String terminal) {
    attempts.get(terminal, t -> new AtomicInteger()).incrementAndGet();
  }
}
