package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A guessing budget was spent: until {@code until}, the roles answer {@link DenialReason#THROTTLED}
 * to the sources it covers (see {@link IdSettle.Builder#guessingBudgets}). Raised once per budget
 * and window, for monitoring: a source that spends its budget is a misconfigured terminal or
 * someone guessing ID numbers.
 *
 * @param scope which budget was spent
 * @param source the handle whose miss spent it ({@code terminal:<id>}, {@code service:<name>} or
 *     {@code service:<name>/<source>})
 * @param service the service whose budget it was, or whose handle spent it; null for a terminal
 * @param until when the budget's window ends
 */
public record ThrottledEvent(Scope scope, String source, @Nullable String service, Instant until) {
  /** Which budget was spent. */
  public enum Scope {
    /** One handle's own budget: only that handle is throttled. */
    SOURCE,
    /** A service's budget: its handles that made a miss in their window are throttled. */
    SERVICE,
    /** The global budget: every handle that made a miss in its window is throttled. */
    GLOBAL
  }

  /** Requires the scope, the source and the instant. */
  public ThrottledEvent {
    Checks.notNull(scope, "scope");
    Checks.notNull(source, "source");
    Checks.notNull(until, "until");
  }
}
