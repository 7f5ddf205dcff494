package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A ledger store in the heap: fast, thread-safe, gone when the process ends. For tests and for
 * single-process use where the ledger is rebuilt or held elsewhere.
 *
 * <p>Transactions lock the stripes of their accounts in ascending order (no deadlock), so they are
 * linearizable per account and atomic across the accounts of one batch: a transaction that locks an
 * account waits until every batch that changes it has committed whole. Writes are buffered and
 * applied at commit, so a transaction that throws leaves nothing behind. Commits of transactions
 * with disjoint stripes run in parallel: each holds only the index segments of its own transfer ids
 * while it checks and applies them. Reads take no lock and see each account and transfer whole.
 *
 * <p>Compact: accounts and transfers live in primitive arrays, not as objects, and {@link Account}
 * and {@link Transfer} objects are made when read. An activated ID with its activation takes under
 * 200 bytes of heap, each further transfer about 72 ({@code benchmarks/.../HeapPerId}).
 */
public final class MemoryStore implements LedgerStore {
  private static final int STRIPES = 4096;

  final AccountTable accounts = new AccountTable();
  final Journal journal = new Journal(accounts);
  final KeyTable keys = new KeyTable();
  final ReentrantLock createLock = new ReentrantLock();
  final StripeLocks stripes = new StripeLocks(STRIPES);

  // the last image a look-up that found nothing read in place of one (see missed)
  @SuppressWarnings("UnusedVariable")
  private @Nullable Account decoy;

  private MemoryStore() {}

  /** A new, empty store. */
  public static MemoryStore create() {
    return new MemoryStore();
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    MemoryTx tx = new MemoryTx(this);
    try {
      T result = work.run(tx);
      tx.commit();
      return result;
    } finally {
      tx.release();
    }
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return Optional.ofNullable(accounts.find(id));
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    if (hashes.size() == 1) {
      // the look-up of one authorize, made for every call (no cache in front of this store)
      IdHash hash = hashes.iterator().next();
      int slot = accounts.slotOf(hash);
      if (slot == 0) {
        missed(hash);
        return Map.of();
      }
      return Map.of(hash, accounts.read(slot));
    }
    Map<IdHash, Account> out = new HashMap<>();
    for (IdHash hash : hashes) {
      int slot = accounts.slotOf(hash);
      if (slot != 0) {
        out.put(hash, accounts.read(slot));
      } else {
        missed(hash);
      }
    }
    return out;
  }

  /**
   * A look-up of {@code hash} found nothing: reads another ID account's image instead, as a look-up
   * that found an ID issued and not sold does, so that the two cost the same (issue 19: unknown and
   * unsold IDs must not be told apart by timing). The image is kept in a field the JIT cannot drop.
   */
  private void missed(IdHash hash) {
    Account instead = accounts.readInstead(hash);
    if (instead != null) {
      decoy = instead;
    }
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    return keys.find(hashes);
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return keys.ownedBy(owner);
  }

  /** True: the ledger is in this process's memory. */
  @Override
  public boolean readsAreLocal() {
    return true;
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    return journal.page(account, offset, limit);
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    return journal.expiredHolds(now, limit);
  }

  /**
   * Every account and transfer, read without a lock: the transfers in commit order (a transfer's
   * position is its record number), the accounts in id order from a sorted copy of the ids made
   * when a page is asked for after accounts were created. No seals: this store keeps none.
   */
  @Override
  public Optional<SealedJournal> journal() {
    return Optional.of(new MemoryJournal(this));
  }

  /** The number of accounts held. */
  public int accountCount() {
    return accounts.size();
  }

  static int stripeOf(AccountId id) {
    long v = id.value();
    int h = (int) (v ^ (v >>> 32));
    h ^= h >>> 16;
    return h & (STRIPES - 1);
  }
}
