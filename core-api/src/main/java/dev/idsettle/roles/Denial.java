package dev.idsettle.roles;

import dev.idsettle.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A request was refused; nothing changed (except that a refused debit's reference now stays
 * refused).
 *
 * @param reason the typed reason, for the integrator
 * @param balance the ID's available balance where it explains the denial (insufficient balance)
 * @param message what was wrong, in words, safe to log (never the full ID number)
 */
public record Denial(DenialReason reason, @Nullable Money balance, String message)
    implements ActivationResult,
        AuthorizationResult,
        ReversalResult,
        SelectionResult,
        ValidityResult,
        BlockResult,
        SubIdResult {

  /** What an untrusted terminal or user may be shown. */
  public PublicReason publicReason() {
    return reason.publicReason();
  }
}
