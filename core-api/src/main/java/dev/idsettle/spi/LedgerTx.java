package dev.idsettle.spi;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open store transaction, valid only inside {@link LedgerStore#transact}. The core calls {@link
 * #lock} or {@link #lockOrAssume} at most once, then {@link #write} or {@link #writeLast} at most
 * once, last. Each method is meant to be one round trip for a SQL store.
 */
public interface LedgerTx {

  /** The transfers among {@code ids} that exist, without locking. */
  Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids);

  /**
   * Locks the accounts among {@code accounts} that exist until the transaction ends, in ascending
   * id order (so that two transactions can never deadlock), and reads the transfers among {@code
   * transfers} that exist.
   */
  Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers);

  /**
   * {@link #lock}, or else take {@code believed} as the accounts' current images without reading
   * them. The core offers images it saw committed earlier, for every account in {@code accounts},
   * when it has nothing else to read, and then writes a new image of every one of them (or writes
   * nothing and abandons the attempt). A store that takes them saves the round trip of the lock but
   * must then guard the {@link #write}: it writes nothing and throws {@link
   * RetryableStoreException} unless every account written still has, at that moment and until the
   * commit, the state, posted, reserved and expiry instant of its believed image (the fields the
   * core judges by), so that judging against them was as good as judging under lock. The default
   * reads and locks, which is always correct.
   *
   * @param believed an image of every account in {@code accounts}
   */
  default Locked lockOrAssume(
      Collection<AccountId> accounts,
      Map<AccountId, Account> believed,
      Collection<TransferId> transfers) {
    return lock(accounts, transfers);
  }

  /** Open holds debiting one of {@code accounts} whose timeout is at or before {@code now}. */
  List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now);

  /**
   * Inserts the accounts that do not exist yet (by id, or by ID hash for ID accounts).
   *
   * @return the ids of those that were not inserted because one existed already
   */
  Set<AccountId> insertAccounts(List<Account> accounts);

  /**
   * Inserts the keys whose hashes do not exist yet, in this transaction: they commit or roll back
   * with its accounts and transfers. A key whose hash exists is left as it is, whatever it says.
   *
   * @return the hashes that were not inserted because a key with that hash existed already (or came
   *     earlier in {@code keys})
   * @throws RetryableStoreException if a key with one of the hashes was inserted concurrently
   */
  Set<IdHash> insertKeys(List<AccountKey> keys);

  /**
   * Writes the outcome of the core's judgement: new account images (of locked accounts), new
   * transfers (their ids must not exist), and holds whose state left {@code OPEN} (each must still
   * be open in the store).
   *
   * @throws RetryableStoreException if a transfer id exists already (inserted concurrently)
   * @throws StoreException if a constraint fails: the whole transaction is rolled back
   */
  void write(Changes changes);

  /**
   * {@link #write}, when it is the last thing the work does: the store may commit the transaction
   * with it (in the same round trip). The work must return normally right after; if it throws
   * anyway, the store reports the outcome as unknown ({@link StoreException#mayHaveCommitted()}).
   * The default writes and leaves the commit to {@link LedgerStore#transact}. A wrapper that
   * changes {@link #write} gets its {@code write} called from here; one that does not may pass this
   * call through to keep the store's saving.
   */
  default void writeLast(Changes changes) {
    write(changes);
  }

  /**
   * What {@link #lock} found. The maps are handed over, not copied: the store must not change them
   * afterwards.
   *
   * @param accounts the locked accounts by id
   * @param transfers the transfers that exist by id
   */
  record Locked(Map<AccountId, Account> accounts, Map<TransferId, Transfer> transfers) {
    /** Requires both maps. */
    public Locked {
      Checks.notNull(accounts, "accounts");
      Checks.notNull(transfers, "transfers");
    }
  }

  /**
   * The writes of one judged batch. The lists are handed over, not copied; the core does not change
   * them afterwards.
   *
   * @param accounts new images of changed accounts
   * @param transfers new transfers, in the order judged
   * @param resolvedHolds existing holds with their new (resolved) state
   */
  record Changes(List<Account> accounts, List<Transfer> transfers, List<Transfer> resolvedHolds) {
    /** Requires the three lists. */
    public Changes {
      Checks.notNull(accounts, "accounts");
      Checks.notNull(transfers, "transfers");
      Checks.notNull(resolvedHolds, "resolvedHolds");
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
      return accounts.isEmpty() && transfers.isEmpty() && resolvedHolds.isEmpty();
    }
  }
}
