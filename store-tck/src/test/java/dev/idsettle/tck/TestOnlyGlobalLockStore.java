package dev.idsettle.tck;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TEST ONLY: the simplest correct store, to run the TCK's suites on. One global lock serializes
 * every call; a transaction undoes its changes if its work throws. Slow by design; the real one is
 * {@code memory-store}.
 */
final class TestOnlyGlobalLockStore implements LedgerStore {

  /** The storage, which a {@link #reopen()} keeps. */
  private static final class Data {
    final ReentrantLock lock = new ReentrantLock();
    final Map<AccountId, Account> accounts = new HashMap<>();
    final Map<IdHash, AccountId> byHash = new HashMap<>();
    final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
    final Map<AccountId, List<TransferId>> byAccount = new HashMap<>();
    final Map<IdHash, AccountKey> keys = new LinkedHashMap<>();
  }

  private final Data data;

  private TestOnlyGlobalLockStore(Data data) {
    this.data = data;
  }

  static TestOnlyGlobalLockStore create() {
    return new TestOnlyGlobalLockStore(new Data());
  }

  /** A new store object over the same storage, as after a restart. */
  TestOnlyGlobalLockStore reopen() {
    return new TestOnlyGlobalLockStore(data);
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    Tx tx = new Tx();
    data.lock.lock();
    try {
      return work.run(tx);
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    } finally {
      data.lock.unlock();
    }
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return locked(() -> Optional.ofNullable(data.accounts.get(id)));
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    return locked(
        () -> {
          Map<IdHash, Account> out = new HashMap<>();
          for (IdHash h : hashes) {
            AccountId id = data.byHash.get(h);
            if (id != null) {
              out.put(h, java.util.Objects.requireNonNull(data.accounts.get(id)));
            }
          }
          return out;
        });
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    return locked(
        () -> {
          Map<IdHash, AccountKey> out = new HashMap<>();
          for (IdHash h : hashes) {
            AccountKey k = data.keys.get(h);
            if (k != null) {
              out.put(h, k);
            }
          }
          return out;
        });
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return locked(() -> data.keys.values().stream().filter(k -> owner.equals(k.owner())).toList());
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    return locked(
        () -> {
          List<TransferId> ids = data.byAccount.getOrDefault(account, List.of());
          List<Transfer> out = new ArrayList<>();
          for (int i = offset; i < ids.size() && out.size() < limit; i++) {
            out.add(data.transfers.get(ids.get(i)));
          }
          return out;
        });
  }

  @Override
  public Optional<SealedJournal> journal() {
    return Optional.of(
        new SealedJournal() {
          @Override
          public List<SealedAccount> accounts(long afterId, int limit) {
            return locked(
                () ->
                    data.accounts.values().stream()
                        .filter(a -> a.id().value() > afterId)
                        .sorted(java.util.Comparator.comparing(Account::id))
                        .limit(limit)
                        .map(a -> new SealedAccount(a, null, null))
                        .toList());
          }

          @Override
          public List<SealedTransfer> transfers(long afterPosition, int limit) {
            return locked(
                () -> {
                  List<SealedTransfer> out = new ArrayList<>();
                  long position = 0;
                  for (Transfer t : data.transfers.values()) {
                    position++;
                    if (position > afterPosition && out.size() < limit) {
                      out.add(new SealedTransfer(position, t, null));
                    }
                  }
                  return out;
                });
          }
        });
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    return locked(
        () -> data.transfers.values().stream().filter(t -> isDue(t, now)).limit(limit).toList());
  }

  private static boolean isDue(Transfer t, Instant now) {
    Instant timeout = t.timeout();
    return t.kind() == TransferKind.HOLD
        && t.holdState() == HoldState.OPEN
        && timeout != null
        && !timeout.isAfter(now);
  }

  private <T> T locked(java.util.function.Supplier<T> read) {
    data.lock.lock();
    try {
      return read.get();
    } finally {
      data.lock.unlock();
    }
  }

  /** A transaction: changes apply at once and are undone if the work throws. */
  private final class Tx implements LedgerTx {
    private final Deque<Runnable> undo = new ArrayDeque<>();

    void rollback() {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
    }

    @Override
    public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
      Map<TransferId, Transfer> out = new HashMap<>();
      for (TransferId id : ids) {
        Transfer t = data.transfers.get(id);
        if (t != null) {
          out.put(id, t);
        }
      }
      return out;
    }

    @Override
    public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
      Map<AccountId, Account> found = new HashMap<>();
      for (AccountId id : accounts) {
        Account a = data.accounts.get(id);
        if (a != null) {
          found.put(id, a);
        }
      }
      return new Locked(found, findTransfers(transfers));
    }

    @Override
    public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
      Set<AccountId> wanted = new HashSet<>(accounts);
      return data.transfers.values().stream()
          .filter(t -> isDue(t, now) && wanted.contains(t.debit()))
          .toList();
    }

    @Override
    public Set<AccountId> insertAccounts(List<Account> accounts) {
      Set<AccountId> existed = new HashSet<>();
      for (Account a : accounts) {
        IdHash hash = a.idHash();
        if (data.accounts.containsKey(a.id()) || (hash != null && data.byHash.containsKey(hash))) {
          existed.add(a.id());
          continue;
        }
        data.accounts.put(a.id(), a);
        undo.push(() -> data.accounts.remove(a.id()));
        if (hash != null) {
          data.byHash.put(hash, a.id());
          undo.push(() -> data.byHash.remove(hash));
        }
      }
      return existed;
    }

    @Override
    public Set<IdHash> insertKeys(List<AccountKey> keys) {
      Set<IdHash> existed = new HashSet<>();
      for (AccountKey k : keys) {
        if (data.keys.containsKey(k.hash())) {
          existed.add(k.hash());
          continue;
        }
        data.keys.put(k.hash(), k);
        undo.push(() -> data.keys.remove(k.hash()));
      }
      return existed;
    }

    @Override
    public void write(Changes changes) {
      validate(changes);
      for (Account a : changes.accounts()) {
        Account previous = data.accounts.put(a.id(), a);
        undo.push(() -> data.accounts.put(a.id(), java.util.Objects.requireNonNull(previous)));
      }
      for (Transfer t : changes.transfers()) {
        data.transfers.put(t.id(), t);
        undo.push(() -> data.transfers.remove(t.id()));
        index(t.debit(), t.id());
        if (!t.credit().equals(t.debit())) {
          index(t.credit(), t.id());
        }
      }
      for (Transfer hold : changes.resolvedHolds()) {
        Transfer previous = data.transfers.put(hold.id(), hold);
        undo.push(() -> data.transfers.put(hold.id(), java.util.Objects.requireNonNull(previous)));
      }
    }

    private void index(AccountId account, TransferId id) {
      List<TransferId> list = data.byAccount.computeIfAbsent(account, k -> new ArrayList<>());
      list.add(id);
      undo.push(() -> list.remove(list.size() - 1));
    }

    private void validate(Changes changes) {
      Set<TransferId> seen = new HashSet<>();
      for (Transfer t : changes.transfers()) {
        if (data.transfers.containsKey(t.id()) || !seen.add(t.id())) {
          throw new RetryableStoreException("transfer " + t.id() + " exists already");
        }
      }
      for (Transfer hold : changes.resolvedHolds()) {
        Transfer stored = data.transfers.get(hold.id());
        if (stored == null || stored.holdState() != HoldState.OPEN) {
          throw new StoreException("hold " + hold.id() + " is not open in the store", false);
        }
      }
      for (Account a : changes.accounts()) {
        if (!data.accounts.containsKey(a.id())) {
          throw new StoreException("account " + a.id() + " does not exist", false);
        }
        if (a.mustNotOverdraw() && (a.available() < 0 || a.posted() < 0)) {
          throw new StoreException("account " + a.id() + " would be overdrawn", false);
        }
      }
    }
  }
}
