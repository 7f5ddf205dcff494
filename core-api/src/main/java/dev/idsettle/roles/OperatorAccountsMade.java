package dev.idsettle.roles;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The operator accounts the handles of one {@link IdSettle} have made in this process. */
final class OperatorAccountsMade {
  private final Ledger ledger;
  private final Currency currency;
  private final ConcurrentHashMap<String, Boolean> made = new ConcurrentHashMap<>();

  OperatorAccountsMade(Ledger ledger, Currency currency) {
    this.ledger = ledger;
    this.currency = currency;
  }

  /**
   * Creates the operator accounts {@code ids} of the handle {@code owner} (a terminal's cash, a
   * service's revenue shards) in one store transaction, the first time any handle of that owner
   * needs them; at most once per owner and process, whatever the number of handles and threads
   * (another process may have made them: creating one that exists changes nothing). A failure is
   * not remembered, so the next call tries again.
   *
   * @throws StoreException that says nothing of the request was committed (whether the accounts
   *     were is of no consequence), so that the role answers {@link Unavailable}
   */
  void ensure(String owner, List<AccountId> ids) {
    if (made.containsKey(owner)) {
      return;
    }
    try {
      create(owner, ids);
    } catch (StoreException e) {
      throw new StoreException(
          "could not create the operator accounts of " + owner + ": " + e.getMessage(), false, e);
    }
  }

  private void create(String owner, List<AccountId> ids) {
    made.computeIfAbsent(
        owner,
        o -> {
          List<Account> accounts = new ArrayList<>(ids.size());
          for (AccountId id : ids) {
            accounts.add(Account.operator(id, currency));
          }
          ledger.createAccounts(accounts);
          return Boolean.TRUE;
        });
  }
}
