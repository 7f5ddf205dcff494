package dev.idsettle.roles;

import org.jspecify.annotations.Nullable;

/**
 * The budgets one handle answers to: its own, its service's (authenticators) and the global one.
 * The rule, which {@link GuessingBudgets} documents for the integrator:
 *
 * <ul>
 *   <li>a handle whose own budget is spent is refused everything until its window ends;
 *   <li>once the service's or the global budget is spent, a handle that made a miss in its own
 *       window is refused everything; a handle that made none is served (so a shared budget spent
 *       by others locks out no handle that did not guess), and its first miss is refused and counts
 *       in its own budget;
 *   <li>a miss is answered as such only if every budget had room for it: the misses answered never
 *       exceed any budget.
 * </ul>
 */
final class GuardScope {
  private final Guard guard;
  private final String source;
  private final @Nullable String service;
  private final GuessBudget own;
  private final @Nullable GuessBudget pool;
  private final GuessBudget global;

  GuardScope(
      Guard guard,
      String source,
      @Nullable String service,
      GuessBudget own,
      @Nullable GuessBudget pool,
      GuessBudget global) {
    this.guard = guard;
    this.source = source;
    this.service = service;
    this.own = own;
    this.pool = pool;
    this.global = global;
  }

  String source() {
    return source;
  }

  @Nullable String service() {
    return service;
  }

  /** Whether this handle is refused everything now. */
  boolean blocked() {
    long now = guard.now();
    if (own.spent(now)) {
      return true;
    }
    GuessBudget p = pool;
    return own.touched(now) && ((p != null && p.spent(now)) || global.spent(now));
  }

  /**
   * Counts a miss; true if it may be answered as a miss (every budget had room), false if it must
   * be answered {@link DenialReason#THROTTLED}.
   */
  boolean miss() {
    long now = guard.now();
    if (!counted(own.take(now), ThrottledEvent.Scope.SOURCE, own)) {
      return false;
    }
    GuessBudget p = pool;
    if (p != null && !counted(p.take(now), ThrottledEvent.Scope.SERVICE, p)) {
      return false;
    }
    return counted(global.take(now), ThrottledEvent.Scope.GLOBAL, global);
  }

  private boolean counted(GuessBudget.Take take, ThrottledEvent.Scope scope, GuessBudget budget) {
    if (take == GuessBudget.Take.SPENT_NOW) {
      guard.spent(scope, this, budget);
    }
    return take != GuessBudget.Take.REFUSED;
  }

  /** The denial of a throttled request: one reason and one message, whatever the budget. */
  Denial throttled() {
    return new Denial(
        DenialReason.THROTTLED,
        null,
        source + " made too many attempts with ID numbers that cannot be used; try later");
  }
}
