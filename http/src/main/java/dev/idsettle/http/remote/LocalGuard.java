package dev.idsettle.http.remote;

import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guessing defence of a device's local answers, by the library's {@link GuessingBudgets} and
 * its rule (the roles' guard is package-private, so its rule is applied here over the device's own
 * look-up): a miss (an ID or sub-ID not served here, or revoked) counts in the source's budget, the
 * service's (every source of this device) and the global one (the device's, across services it may
 * serve); a source whose own budget is spent is refused everything until its window ends; once the
 * service's or the global budget is spent, a source that missed in its window is refused everything
 * and one that did not is served, its first miss refused. A miss is answered as such only if every
 * budget had room. Sources are the requesting parties (in a node, the authenticated ones); past
 * {@link #MAX_SOURCES} of them, the budgets whose window has ended are forgotten. Thread-safe.
 */
final class LocalGuard {
  /** How many sources' budgets are kept at once. */
  static final int MAX_SOURCES = 100_000;

  private final GuessingBudgets budgets;
  private final Clock clock;
  private final Budget service;
  private final Budget global;
  private final ConcurrentHashMap<String, Budget> sources = new ConcurrentHashMap<>();

  LocalGuard(GuessingBudgets budgets, Clock clock) {
    this.budgets = budgets;
    this.clock = clock;
    long window = budgets.window().toMillis();
    this.service = new Budget(budgets.perService(), window);
    this.global = new Budget(budgets.global(), window);
  }

  /** Whether {@code source} is refused everything now (checked before any store read). */
  boolean blocked(String source) {
    long now = clock.millis();
    Budget own = sources.get(source);
    if (own == null) {
      return false;
    }
    return own.spent(now) || (own.touched(now) && (service.spent(now) || global.spent(now)));
  }

  /** Counts a miss of {@code source}; false if it must be answered {@link #throttled()}. */
  boolean miss(String source) {
    long now = clock.millis();
    if (sources.size() >= MAX_SOURCES && !sources.containsKey(source)) {
      sources.values().removeIf(b -> !b.touched(now));
    }
    Budget own =
        sources.computeIfAbsent(
            source, s -> new Budget(budgets.perSource(), budgets.window().toMillis()));
    return own.take(now) && service.take(now) && global.take(now);
  }

  /** The denial of a throttled request: one reason and one message, whatever the budget. */
  static Denial throttled() {
    return new Denial(
        DenialReason.THROTTLED,
        null,
        "too many attempts with ID numbers that cannot be used here; try later");
  }

  /** One budget of misses in a window that starts with its first miss. */
  private static final class Budget {
    private final int limit;
    private final long window;
    private long start;
    private int used;

    Budget(int limit, long window) {
      this.limit = limit;
      this.window = window;
    }

    synchronized boolean take(long now) {
      roll(now);
      if (used >= limit) {
        return false;
      }
      if (used == 0) {
        start = now;
      }
      used++;
      return true;
    }

    synchronized boolean spent(long now) {
      roll(now);
      return used >= limit;
    }

    synchronized boolean touched(long now) {
      roll(now);
      return used > 0;
    }

    private void roll(long now) {
      if (used > 0 && now - start >= window) {
        used = 0;
      }
    }

    @Override
    public String toString() {
      return "Budget[" + used + "/" + limit + "]";
    }
  }
}
