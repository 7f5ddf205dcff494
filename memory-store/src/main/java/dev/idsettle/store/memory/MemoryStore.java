package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ledger store in the heap: fast, thread-safe, gone when the process ends. For tests and for
 * single-process use where the ledger is rebuilt or held elsewhere.
 *
 * <p>Transactions lock the stripes of their accounts in ascending order (no deadlock), so they are
 * linearizable per account and atomic across the accounts of one batch; writes are buffered and
 * applied at commit, so a transaction that throws leaves nothing behind.
 */
public final class MemoryStore implements LedgerStore {
  private static final int STRIPES = 4096;

  final ConcurrentHashMap<AccountId, Account> accounts = new ConcurrentHashMap<>();
  final ConcurrentHashMap<IdHash, AccountId> byHash = new ConcurrentHashMap<>();
  final ConcurrentHashMap<TransferId, Transfer> transfers = new ConcurrentHashMap<>();
  final ConcurrentHashMap<AccountId, TransferLog> logs = new ConcurrentHashMap<>();
  final ConcurrentSkipListSet<OpenHold> openHolds = new ConcurrentSkipListSet<>();
  final ReentrantLock createLock = new ReentrantLock();
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  private MemoryStore() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

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
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    Map<IdHash, Account> out = new HashMap<>();
    for (IdHash hash : hashes) {
      AccountId id = byHash.get(hash);
      Account a = id == null ? null : accounts.get(id);
      if (a != null) {
        out.put(hash, a);
      }
    }
    return out;
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    TransferLog log = logs.get(account);
    if (log == null) {
      return List.of();
    }
    List<Transfer> out = new ArrayList<>();
    for (TransferId id : log.page(offset, limit)) {
      Transfer t = transfers.get(id);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    List<Transfer> out = new ArrayList<>();
    for (OpenHold hold : openHolds) {
      if (out.size() >= limit || hold.timeout().isAfter(now)) {
        break;
      }
      Transfer t = transfers.get(hold.id());
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** The number of accounts held. */
  public int accountCount() {
    return accounts.size();
  }

  ReentrantLock stripe(int index) {
    return stripes[index];
  }

  static int stripeOf(AccountId id) {
    long v = id.value();
    int h = (int) (v ^ (v >>> 32));
    h ^= h >>> 16;
    return h & (STRIPES - 1);
  }
}
