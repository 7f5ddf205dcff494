package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;

/**
 * Service is permitted and the amount was subtracted.
 *
 * @param transferId the ledger transfer of the debit
 * @param amount the amount subtracted
 * @param balance the ID's available balance after the debit (for a replay: now)
 * @param lowBalance whether the balance is below the service's reference amount (claim 11): warn
 *     the user
 * @param replayed whether this reference had been permitted before (this is its original result)
 */
public record Permit(
    TransferId transferId, Money amount, Money balance, boolean lowBalance, boolean replayed)
    implements AuthorizationResult {
  /** Requires every field. */
  public Permit {
    Checks.notNull(transferId, "transferId");
    Checks.notNull(amount, "amount");
    Checks.notNull(balance, "balance");
  }
}
