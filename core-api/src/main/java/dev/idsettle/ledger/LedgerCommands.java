package dev.idsettle.ledger;

import dev.idsettle.internal.Checks;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.LedgerTx.Locked;
import dev.idsettle.spi.RetryableStoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's commands: batches judged and applied, accounts and keys created, due holds voided.
 * {@link Ledger} documents each and routes batches through group commit when it is on.
 */
final class LedgerCommands {
  private final LedgerStore store;
  private final Clock clock;
  private final @Nullable AccountImages images;
  private final Retrier retrier;
  private final long maxIdBalance;

  LedgerCommands(
      LedgerStore store,
      Clock clock,
      @Nullable AccountImages images,
      Retrier retrier,
      long maxIdBalance) {
    this.store = store;
    this.clock = clock;
    this.images = images;
    this.retrier = retrier;
    this.maxIdBalance = maxIdBalance;
  }

  List<CommandResult> submit(List<List<LedgerCommand>> groups) {
    return submit(groups, List.of());
  }

  /**
   * The first attempt does not read the batch's new transfer ids: they are almost always new, and
   * the store's unique transfer ids catch the rest (a replay, a refusal retried, a tombstoned
   * activation), which fails the write and rolls everything back. It also offers the store the
   * accounts' believed images ({@link AccountImages}), which a store may take instead of reading
   * them under lock. The attempts after that lock and read everything, and judge replays as such.
   * This saves one or two store round trips per batch.
   */
  List<CommandResult> submit(List<List<LedgerCommand>> groups, List<AccountKey> keys) {
    BatchTransaction first =
        new BatchTransaction(clock, groups, false, images, keys).maxIdBalance(maxIdBalance);
    BatchTransaction retry;
    try {
      List<CommandResult> results = store.transact(first);
      first.committed();
      return results;
    } catch (RetryableStoreException e) {
      first.failed();
      retry = first.retryUnderLock(!(e instanceof BatchTransaction.Unverified));
    } catch (RuntimeException | Error e) {
      first.failed();
      throw e;
    }
    return retrier.run(
        () -> {
          try {
            List<CommandResult> results = store.transact(retry);
            retry.committed();
            return results;
          } catch (RuntimeException | Error e) {
            retry.failed();
            throw e;
          }
        });
  }

  Set<AccountId> createAccounts(List<Account> accounts) {
    List<Account> copy = Checks.elementsNotNull(accounts, "accounts");
    if (copy.isEmpty()) {
      return Set.of();
    }
    return retrier.run(() -> store.transact(tx -> tx.insertAccounts(copy)));
  }

  Map<IdHash, AccountKey> createWithKeys(List<Account> accounts, List<AccountKey> keys) {
    List<Account> accountCopy = Checks.elementsNotNull(accounts, "accounts");
    List<AccountKey> keyCopy = Checks.elementsNotNull(keys, "keys");
    List<IdHash> hashes = new ArrayList<>(keyCopy.size());
    for (AccountKey k : keyCopy) {
      hashes.add(k.hash());
    }
    try {
      retrier.run(
          () ->
              store.transact(
                  tx -> {
                    if (!tx.insertKeys(keyCopy).isEmpty()) {
                      throw new KeysExisted();
                    }
                    return accountCopy.isEmpty() ? Set.of() : tx.insertAccounts(accountCopy);
                  }));
      return Map.of();
    } catch (KeysExisted e) {
      return store.findKeys(hashes);
    }
  }

  /** Rolls back a creation whose keys existed; never leaves {@link #createWithKeys}. */
  private static final class KeysExisted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeysExisted() {
      super("a key existed already", null, false, false);
    }
  }

  int expireHolds(int limit) {
    if (limit < 1) {
      throw Checks.invalid("limit", limit, "must be at least 1");
    }
    List<Transfer> due = store.expiredHolds(clock.instant(), limit);
    if (due.isEmpty()) {
      return 0;
    }
    return retrier.run(
        () ->
            store.transact(
                tx -> {
                  Instant now = clock.instant();
                  Set<AccountId> ids = new TreeSet<>();
                  List<TransferId> holdIds = new ArrayList<>();
                  for (Transfer hold : due) {
                    ids.add(hold.debit());
                    ids.add(hold.credit());
                    holdIds.add(hold.id());
                  }
                  Locked locked = tx.lock(ids, holdIds);
                  BatchJudge judge =
                      new BatchJudge(now, locked.accounts(), locked.transfers(), due.size());
                  judge.expireDue(locked.transfers().values());
                  Changes changes = judge.changes();
                  if (!changes.isEmpty()) {
                    tx.write(changes);
                  }
                  if (images != null) {
                    // forgotten before the commit: an image remembered meanwhile is guarded
                    images.forget(ids);
                  }
                  return changes.resolvedHolds().size();
                }));
  }
}
