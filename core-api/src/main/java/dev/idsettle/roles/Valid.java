package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * The ID is validated and usable at the asking service (claim 3).
 *
 * @param spendable what the asking service can spend now: its envelope of the ID if the ID has one
 *     for it, else the ID's unallocated balance. A fact of this moment, read from the ledger, never
 *     from a cache; the debit that follows is judged again by the ledger
 * @param fromEnvelope whether {@code spendable} is the service's envelope of the ID
 * @param lowBalance whether {@code spendable} is below the service's reference amount (claim 11)
 */
public record Valid(Money spendable, boolean fromEnvelope, boolean lowBalance)
    implements ValidityResult {
  /** Requires spendable. */
  public Valid {
    Checks.notNull(spendable, "spendable");
  }
}
