package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * An ID's balance fell below a service's reference amount (claim 11). Fired once per downward
 * crossing (again only after the balance has risen back to the reference), after the debit is
 * committed.
 *
 * @param id the ID (its {@code toString} is masked)
 * @param service the service whose reference amount was crossed
 * @param balance the available balance after the debit
 * @param reference the service's reference amount
 */
public record LowBalanceEvent(IdNumber id, String service, Money balance, Money reference) {
  /** Requires every field. */
  public LowBalanceEvent {
    Checks.notNull(id, "id");
    Checks.notNull(service, "service");
    Checks.notNull(balance, "balance");
    Checks.notNull(reference, "reference");
  }
}
