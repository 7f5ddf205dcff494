package dev.idsettle.http.remote;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticator's own ledger: one account per ID it serves (found by the sub-ID's hash, and by
 * the ID's as a key whose tag names the ID's account at the manager), an account for what the
 * manager gave ({@code manager}: minus the value held here) and the service's revenue. A transfer
 * in flight is an open hold on it, the authenticator's durable intent, resolved once the manager's
 * ledger has decided.
 */
final class LocalBook {
  static final String PULL = "remote-pull";
  static final String REPAY = "remote-repay";
  private static final String MASTER_TAG = "master:";
  private static final String SUB_TAG = "sub";
  private static final String REVOKED_TAG = "revoked";

  /** A pending transfer's hold never times out here: only the manager's decision resolves it. */
  static final Duration PENDING = Duration.ofDays(3650);

  private final Ledger ledger;
  private final LocalKeys keys;
  private final Currency currency;
  final AccountId manager;
  final AccountId revenue;

  LocalBook(Ledger ledger, LocalKeys keys, String service, Currency currency) {
    this.ledger = ledger;
    this.keys = keys;
    this.currency = currency;
    String suffix = service + ":" + currency.getCurrencyCode();
    this.manager = AccountId.named("remote:manager:" + suffix);
    this.revenue = AccountId.named("remote:revenue:" + suffix);
    ledger.createAccounts(
        List.of(Account.operator(manager, currency), Account.operator(revenue, currency)));
  }

  /**
   * The account of {@code presented}, an ID or one of its sub-IDs, if this device serves it: not
   * for a sub-ID marked revoked. One key read, and one account read.
   */
  Optional<Account> find(IdNumber presented) {
    IdHash master = keys.master(presented);
    IdHash sub = keys.subId(presented);
    IdHash mark = keys.revoked(sub);
    Map<IdHash, AccountKey> found = ledger.keys(List.of(master, sub, mark));
    if (found.containsKey(mark)) {
      ledger.accountByIdHash(sub); // the read an unknown number costs: answered alike
      return Optional.empty();
    }
    AccountKey key = found.containsKey(master) ? found.get(master) : found.get(sub);
    if (key != null) {
      return ledger.account(key.account());
    }
    return ledger.accountByIdHash(sub);
  }

  /**
   * The account for {@code id} and its sub-ID, made if it has none; the manager's is recorded. If
   * the account exists and {@code subId} is not one of its sub-IDs, the manager has revoked the
   * ones it knew and issued this one (a next generation): they are marked revoked here, and this
   * one serves the account from now on.
   */
  AccountId ensure(IdNumber id, IdNumber subId, long managerAccount) {
    IdHash master = keys.master(id);
    IdHash sub = keys.subId(subId);
    Map<IdHash, AccountKey> known = ledger.keys(List.of(master, sub));
    AccountKey found = known.get(master);
    if (found != null) {
      if (!known.containsKey(sub)) {
        follow(found.account(), sub);
      }
      return found.account();
    }
    AccountId fresh = AccountId.random();
    Account account =
        new Account(
            fresh,
            AccountKind.ID,
            currency,
            AccountState.ACTIVE,
            0,
            0,
            ExpiryPolicy.never(),
            null,
            sub);
    AccountKey key = new AccountKey(master, fresh, fresh, MASTER_TAG + managerAccount);
    // a concurrent load of the same ID made it first: use that one
    AccountKey existed = ledger.createWithKeys(List.of(account), List.of(key)).get(master);
    if (existed == null) {
      return fresh;
    }
    follow(existed.account(), sub);
    return existed.account();
  }

  /** Makes {@code sub} the sub-ID of {@code local}, every other one it had marked revoked. */
  private void follow(AccountId local, IdHash sub) {
    Account account = ledger.account(local).orElseThrow();
    if (sub.equals(account.idHash())) {
      return; // the sub-ID it was made with
    }
    List<AccountKey> wanted = new ArrayList<>();
    IdHash first = account.idHash();
    if (first != null) {
      wanted.add(mark(local, first));
    }
    for (AccountKey k : ledger.keysOwnedBy(local)) {
      if (SUB_TAG.equals(k.tag()) && !k.hash().equals(sub)) {
        wanted.add(mark(local, k.hash()));
      }
    }
    wanted.add(new AccountKey(sub, local, local, SUB_TAG));
    insertMissing(wanted);
  }

  /**
   * Marks {@code presented}, a sub-ID, revoked here: it is served no more (the ID and its value
   * stay). The account it served, or empty if it is no sub-ID of an account here (unknown, or an ID
   * itself).
   */
  Optional<Account> revoke(IdNumber presented) {
    IdHash sub = keys.subId(presented);
    Map<IdHash, AccountKey> found = ledger.keys(List.of(keys.master(presented), sub));
    if (found.containsKey(keys.master(presented))) {
      return Optional.empty();
    }
    AccountKey key = found.get(sub);
    Optional<Account> account =
        key != null ? ledger.account(key.account()) : ledger.accountByIdHash(sub);
    account.ifPresent(a -> insertMissing(List.of(mark(a.id(), sub))));
    return account;
  }

  /** The hash this device keeps of {@code subId}. */
  IdHash subIdHash(IdNumber subId) {
    return keys.subId(subId);
  }

  private AccountKey mark(AccountId local, IdHash sub) {
    return new AccountKey(keys.revoked(sub), local, local, REVOKED_TAG);
  }

  /** Inserts those of {@code wanted} not stored yet (keys never change: a racer wrote the same). */
  private void insertMissing(List<AccountKey> wanted) {
    for (int attempt = 0; attempt < 3; attempt++) {
      List<IdHash> hashes = new ArrayList<>();
      for (AccountKey k : wanted) {
        hashes.add(k.hash());
      }
      Map<IdHash, AccountKey> stored = ledger.keys(hashes);
      List<AccountKey> missing = new ArrayList<>();
      for (AccountKey k : wanted) {
        if (!stored.containsKey(k.hash())) {
          missing.add(k);
        }
      }
      if (missing.isEmpty() || ledger.createWithKeys(List.of(), missing).isEmpty()) {
        return;
      }
    }
  }

  /** The manager's account of the ID that {@code local} serves. */
  Optional<AccountId> managerAccountOf(AccountId local) {
    for (AccountKey k : ledger.keysOwnedBy(local)) {
      if (k.tag().startsWith(MASTER_TAG)) {
        return Optional.of(new AccountId(Long.parseLong(k.tag().substring(MASTER_TAG.length()))));
      }
    }
    return Optional.empty();
  }

  Optional<Transfer> transfer(TransferId id) {
    return ledger.transfer(id);
  }

  /** Writes a pending hold (a pull's credit of {@code local}, or a repay's debit of it). */
  CommandResult hold(TransferId id, AccountId local, long amount, boolean pull) {
    LedgerCommand command =
        pull
            ? LedgerCommand.hold(id, manager, local, amount, PENDING, PULL)
            : LedgerCommand.hold(id, local, manager, amount, PENDING, REPAY);
    return one(command);
  }

  /** Resolves the pending hold {@code hold} as the manager decided: captured or voided. */
  void resolve(Transfer hold, boolean done) {
    TransferId transfer = hold.id();
    one(
        done
            ? LedgerCommand.capture(
                TransferIds.localCapture(transfer), transfer, hold.amount(), hold.code())
            : LedgerCommand.voidHold(TransferIds.localVoid(transfer), transfer, hold.code()));
  }

  /** A local debit of {@code local} to the service's revenue. */
  CommandResult debit(TransferId id, AccountId local, long amount) {
    return one(LedgerCommand.post(id, local, revenue, amount, "remote-debit"));
  }

  /** Up to {@code limit} pending holds: the transfers this device has not seen decided. */
  List<Transfer> pending(int limit) {
    Instant beyondEveryTimeout = ledger.clock().instant().plus(PENDING.multipliedBy(2));
    return ledger.store().expiredHolds(beyondEveryTimeout, limit);
  }

  Optional<Account> account(AccountId id) {
    return ledger.account(id);
  }

  private CommandResult one(LedgerCommand command) {
    return ledger.submit(LedgerBatch.create().add(command)).get(0);
  }
}
