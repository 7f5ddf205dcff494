package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts for tests, with random ids so that one database serves many tests. */
final class Fixture {
  static final Currency EUR = Currency.getInstance("EUR");

  final Ledger ledger;
  final AccountId cash = AccountId.random();
  final AccountId revenue = AccountId.random();

  Fixture(Ledger ledger) {
    this.ledger = ledger;
    ledger.createAccounts(List.of(Account.operator(cash, EUR), Account.operator(revenue, EUR)));
  }

  static IdHash randomHash() {
    byte[] b = new byte[IdHash.LENGTH];
    ThreadLocalRandom.current().nextBytes(b);
    return IdHash.of(b);
  }

  static Account issued() {
    return Account.issued(AccountId.random(), randomHash(), EUR, ExpiryPolicy.never());
  }

  /** Issues {@code n} IDs and activates each with {@code balance} paid in cash. */
  List<AccountId> activeIds(int n, long balance) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      accounts.add(issued());
    }
    assertThat(ledger.createAccounts(accounts)).isEmpty();
    LedgerBatch batch = LedgerBatch.create();
    List<AccountId> ids = new ArrayList<>();
    for (Account a : accounts) {
      batch.addLinked(activation(a.id(), balance));
      ids.add(a.id());
    }
    for (CommandResult r : ledger.submit(batch)) {
      assertThat(r.applied()).as("activation %s", r).isTrue();
    }
    return ids;
  }

  List<LedgerCommand> activation(AccountId id, long balance) {
    return List.of(
        LedgerCommand.changeState(id, Set.of(AccountState.ISSUED), AccountState.ACTIVE),
        LedgerCommand.post(TransferId.random(), cash, id, balance, "activation"));
  }

  LedgerCommand debit(AccountId id, long amount) {
    return LedgerCommand.post(TransferId.random(), id, revenue, amount, "debit");
  }
}
