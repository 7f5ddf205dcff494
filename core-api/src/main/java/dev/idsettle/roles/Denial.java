package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A request was refused; nothing changed (except that a refused debit's reference now stays
 * refused).
 *
 * @param reason the typed reason, for the integrator
 * @param balance the ID's available balance when the request was judged, where it explains the
 *     denial (insufficient balance); null otherwise, and always null for a replay: the balance of
 *     the first judgement is not kept, and today's may differ
 * @param message what was wrong, in words, safe to log (never the full ID number)
 * @param replayed whether this reference had been refused before and this is that refusal again (a
 *     refused reference stays refused, even once the balance would cover it)
 */
public record Denial(DenialReason reason, @Nullable Money balance, String message, boolean replayed)
    implements ActivationResult,
        AuthorizationResult,
        ReversalResult,
        SelectionResult,
        ValidityResult,
        BlockResult,
        SubIdResult,
        HolderResult,
        GateResult {

  /** Requires a reason and a message. */
  public Denial {
    Checks.notNull(reason, "reason");
    Checks.notNull(message, "message");
  }

  /** A denial judged now (not a replay). */
  public Denial(DenialReason reason, @Nullable Money balance, String message) {
    this(reason, balance, message, false);
  }

  /** What an untrusted terminal or user may be shown. */
  public PublicReason publicReason() {
    return reason.publicReason();
  }
}
