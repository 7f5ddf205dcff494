package dev.idsettle.spi;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the ledger lives. A store judges nothing: it locks, reads and writes what the core tells
 * it, inside one transaction per {@link #transact} call. The rules (balances, holds, idempotency,
 * lifecycle) live in {@code dev.idsettle.ledger}; the store's own checks (unique transfer ids and
 * ID hashes, available balance of ID accounts never below zero) are the backstop that makes a bug
 * in the core fail a commit instead of overdrawing.
 *
 * <p>Every method is thread-safe. The store never receives an ID number in clear, only its {@link
 * IdHash}.
 */
public interface LedgerStore {

  /**
   * Runs {@code work} in one transaction and commits it if it returns normally; rolls back if it
   * throws.
   *
   * @throws RetryableStoreException when the transaction conflicted with another (serialization
   *     failure, deadlock, a transfer id inserted concurrently): nothing was committed, and running
   *     the same work again is safe
   * @throws StoreException when the store failed; {@link StoreException#mayHaveCommitted()} says
   *     whether the outcome is unknown
   */
  <T> T transact(StoreWork<T> work);

  /** The account with {@code id}, read outside any transaction. */
  Optional<Account> findAccount(AccountId id);

  /**
   * The accounts among {@code ids} that exist, read outside any transaction; ids without an account
   * are absent from the map. The default reads them one by one; a store with a round trip per call
   * reads them in one.
   */
  default Map<AccountId, Account> findAccounts(Collection<AccountId> ids) {
    Map<AccountId, Account> out = new HashMap<>();
    for (AccountId id : ids) {
      findAccount(id).ifPresent(a -> out.put(id, a));
    }
    return out;
  }

  /**
   * The ID accounts whose ID numbers have the keyed hashes among {@code hashes} (one round trip for
   * a whole batch); hashes without an account are absent from the map.
   */
  Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes);

  /**
   * The keys among {@code hashes} that exist (one round trip for all), read outside any
   * transaction; hashes without a key are absent from the map. See {@link AccountKey}.
   */
  Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes);

  /**
   * The keys whose {@link AccountKey#owner()} is {@code owner}, in the order they were written: an
   * ID's envelopes, sub-IDs and linked IDs.
   */
  List<AccountKey> keysOwnedBy(AccountId owner);

  /**
   * Transfers where {@code account} is debit or credit side, in the order they were written,
   * skipping {@code offset} and returning at most {@code limit}.
   */
  List<Transfer> transfersOf(AccountId account, int offset, int limit);

  /**
   * Up to {@code limit} open holds whose timeout is at or before {@code now}, for the sweep that
   * voids them. Several processes may sweep at once: the ledger resolves each hold once.
   */
  List<Transfer> expiredHolds(Instant now, int limit);

  /**
   * The store's rows with their seals, when it seals what it writes ({@link Sealer}): what {@link
   * dev.idsettle.audit.LedgerAudit} checks. Empty, the default, for a store that does not seal.
   */
  default Optional<SealedJournal> sealedJournal() {
    return Optional.empty();
  }

  /**
   * Every row of the store as it is, page by page, read outside any transaction and never judged:
   * the accounts in ascending id order and the transfers in the order they were written, with their
   * seals where the store keeps them (null where it does not). What an operator's reports and
   * reconciliation read, and what {@link dev.idsettle.audit.LedgerAudit#checkBalances} checks. Rows
   * written while a caller pages through it may be missed or seen: read a quiet store, or a copy,
   * for figures that must agree with each other. Empty for a store that cannot list its rows; the
   * default is {@link #sealedJournal()}, so a sealing store lists them.
   */
  default Optional<SealedJournal> journal() {
    return sealedJournal();
  }

  /**
   * Whether a read costs no more than a look-up in a map of this process's memory, as in a store
   * that keeps the ledger in memory. The core then puts no cache in front of it: for such a store a
   * cache only adds a look-up. False, the default, for a store behind a connection.
   */
  default boolean readsAreLocal() {
    return false;
  }

  /**
   * Whether this store's transactions may take the core's believed account images instead of a
   * locked read ({@link LedgerTx#lockOrAssume}). Only then does the core remember images to offer.
   * False by default, when {@code lockOrAssume} always locks.
   */
  default boolean takesBelievedImages() {
    return false;
  }

  /**
   * Over how many accounts the roles spread an operator account that every debit credits (a
   * service's revenue, {@link dev.idsettle.roles.OperatorAccounts}), 1 to {@value
   * dev.idsettle.roles.OperatorAccounts#MAX_REVENUE_SHARDS}. Where writers lock rows and wait for
   * each other's commits, one such account would serialize every debit of a service, and spreading
   * it lets them run side by side; where the store has one writer at a time, the spread buys
   * nothing and costs pages per transaction, and 1 is right. The count must never change for a
   * store's data (a retried debit must credit the account it credited before): a store whose data
   * was written with another count keeps declaring that count. The default, {@value
   * dev.idsettle.roles.OperatorAccounts#MAX_REVENUE_SHARDS}, is the count every store used before
   * it was the store's.
   */
  default int revenueShards() {
    return dev.idsettle.roles.OperatorAccounts.MAX_REVENUE_SHARDS;
  }
}
