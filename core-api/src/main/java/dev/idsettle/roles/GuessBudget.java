package dev.idsettle.roles;

/**
 * One budget of misses (attempts with IDs that are not usable) in a fixed window that starts with
 * its first miss. Thread-safe: each call is one short critical section, so a miss is either within
 * the budget or refused, never both, whatever the number of threads.
 */
final class GuessBudget {
  /** What a {@link #take} did. */
  enum Take {
    /** Counted, and the budget has room left. */
    TAKEN,
    /** Counted, and that was the budget's last miss: it is spent until the window ends. */
    SPENT_NOW,
    /** Not counted: the budget was spent already. */
    REFUSED
  }

  private final int limit;
  private final long windowMillis;
  private long start;
  private int used;

  GuessBudget(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  /** Counts one miss at {@code now} (epoch millis) if the budget has room. */
  synchronized Take take(long now) {
    roll(now);
    if (used >= limit) {
      return Take.REFUSED;
    }
    if (used == 0) {
      start = now;
    }
    used++;
    return used == limit ? Take.SPENT_NOW : Take.TAKEN;
  }

  /** Whether the budget is spent at {@code now}. */
  synchronized boolean spent(long now) {
    roll(now);
    return used >= limit;
  }

  /** Whether any miss was counted in the current window. */
  synchronized boolean touched(long now) {
    roll(now);
    return used > 0;
  }

  /** When the current window ends (epoch millis); meaningful once {@link #touched}. */
  synchronized long windowEnds() {
    return start + windowMillis;
  }

  private void roll(long now) {
    if (used > 0 && now - start >= windowMillis) {
      used = 0;
    }
  }
}
