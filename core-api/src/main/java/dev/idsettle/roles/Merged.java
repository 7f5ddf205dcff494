package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.money.Money;

/**
 * The holder's other IDs were merged into the ID (claim 9): their balances moved to it in one
 * ledger transaction, and each of them is now {@link dev.idsettle.ledger.AccountState#MERGED},
 * pointing to it; presenting one later is denied {@link DenialReason#MERGED}.
 *
 * @param moved the value that moved to the ID (as first judged, also for a replay)
 * @param merged how many IDs were merged into it (as first judged, also for a replay)
 * @param balance the ID's available balance now
 * @param replayed whether this reference had merged into this ID before and this is that answer
 */
public record Merged(Money moved, int merged, Money balance, boolean replayed)
    implements HolderResult {
  /** Requires the amounts, and a count that is not negative. */
  public Merged {
    Checks.notNull(moved, "moved");
    Checks.notNull(balance, "balance");
    if (merged < 0) {
      throw Checks.invalid("merged", merged, "must not be negative");
    }
  }
}
