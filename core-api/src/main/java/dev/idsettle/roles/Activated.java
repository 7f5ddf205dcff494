package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;

/**
 * The ID is active.
 *
 * @param transferId the ledger transfer that credited it
 * @param amount the amount credited
 * @param balance the ID's available balance now
 * @param replayed whether this reference had been activated before (this is its original result)
 */
public record Activated(TransferId transferId, Money amount, Money balance, boolean replayed)
    implements ActivationResult {
  /** Requires every field. */
  public Activated {
    Checks.notNull(transferId, "transferId");
    Checks.notNull(amount, "amount");
    Checks.notNull(balance, "balance");
  }
}
