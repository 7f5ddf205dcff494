package dev.idsettle.roles;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;

/**
 * The ID was sold: its account as the store holds it now ({@link IdGate#find}).
 *
 * @param account the ID's account
 */
public record Usable(Account account) implements GateResult {
  /** Requires the account. */
  public Usable {
    Checks.notNull(account, "account");
  }
}
