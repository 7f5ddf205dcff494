package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;

/**
 * The ID was sold: its account's id ({@link IdGate#find}).
 *
 * @param account the ID's account
 */
public record Usable(AccountId account) implements GateResult {
  /** Requires the account. */
  public Usable {
    Checks.notNull(account, "account");
  }
}
