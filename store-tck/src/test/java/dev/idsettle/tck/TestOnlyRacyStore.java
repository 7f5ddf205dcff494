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
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * TEST ONLY, DELIBERATELY BROKEN: {@code lock} takes no lock, so two transactions read the same
 * balance and both write their own result (a read-then-write debit, the classic lost update). A
 * short pause between the read and the write widens the race. It exists to prove that {@link
 * ConcurrencyScenario} catches such a store.
 */
final class TestOnlyRacyStore implements LedgerStore {
  private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
  private final Map<IdHash, AccountId> byHash = new ConcurrentHashMap<>();
  private final Map<TransferId, Transfer> transfers = new ConcurrentHashMap<>();
  private final Map<AccountId, List<TransferId>> byAccount = new ConcurrentHashMap<>();
  private final Map<IdHash, AccountKey> keys = new ConcurrentHashMap<>();

  @Override
  public <T> T transact(StoreWork<T> work) {
    return work.run(new Tx());
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    Map<IdHash, Account> out = new HashMap<>();
    for (IdHash h : hashes) {
      AccountId id = byHash.get(h);
      Account a = id == null ? null : accounts.get(id);
      if (a != null) {
        out.put(h, a);
      }
    }
    return out;
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    Map<IdHash, AccountKey> out = new HashMap<>();
    for (IdHash h : hashes) {
      AccountKey k = keys.get(h);
      if (k != null) {
        out.put(h, k);
      }
    }
    return out;
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return keys.values().stream().filter(k -> owner.equals(k.owner())).toList();
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    List<TransferId> ids = byAccount.getOrDefault(account, List.of());
    synchronized (ids) {
      List<Transfer> out = new ArrayList<>();
      for (int i = offset; i < ids.size() && out.size() < limit; i++) {
        out.add(transfers.get(ids.get(i)));
      }
      return out;
    }
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    return transfers.values().stream().filter(t -> isDue(t, now)).limit(limit).toList();
  }

  private static boolean isDue(Transfer t, Instant now) {
    Instant timeout = t.timeout();
    return t.kind() == TransferKind.HOLD
        && t.holdState() == HoldState.OPEN
        && timeout != null
        && !timeout.isAfter(now);
  }

  private final class Tx implements LedgerTx {
    @Override
    public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
      Map<TransferId, Transfer> out = new HashMap<>();
      for (TransferId id : ids) {
        Transfer t = transfers.get(id);
        if (t != null) {
          out.put(id, t);
        }
      }
      return out;
    }

    @Override
    public Locked lock(Collection<AccountId> ids, Collection<TransferId> transferIds) {
      Map<AccountId, Account> found = new HashMap<>();
      for (AccountId id : ids) {
        Account a = accounts.get(id);
        if (a != null) {
          found.put(id, a);
        }
      }
      Locked read = new Locked(found, findTransfers(transferIds));
      // the bug's window: another transaction reads the same images before this one writes
      LockSupport.parkNanos(200_000);
      return read;
    }

    @Override
    public List<Transfer> expiredHolds(Collection<AccountId> ids, Instant now) {
      Set<AccountId> wanted = new HashSet<>(ids);
      return transfers.values().stream()
          .filter(t -> isDue(t, now) && wanted.contains(t.debit()))
          .toList();
    }

    @Override
    public Set<AccountId> insertAccounts(List<Account> list) {
      Set<AccountId> existed = new HashSet<>();
      for (Account a : list) {
        if (accounts.putIfAbsent(a.id(), a) != null) {
          existed.add(a.id());
        } else if (a.idHash() != null) {
          byHash.put(a.idHash(), a.id());
        }
      }
      return existed;
    }

    /** Check, pause, then put: two transactions may both insert one hash, the later one wins. */
    @Override
    public Set<IdHash> insertKeys(List<AccountKey> list) {
      Set<IdHash> existed = new HashSet<>();
      for (AccountKey k : list) {
        if (keys.containsKey(k.hash())) {
          existed.add(k.hash());
        } else {
          LockSupport.parkNanos(50_000);
          keys.put(k.hash(), k);
        }
      }
      return existed;
    }

    @Override
    public void write(Changes changes) {
      changes.accounts().forEach(a -> accounts.put(a.id(), a));
      for (Transfer t : changes.transfers()) {
        transfers.put(t.id(), t);
        index(t.debit(), t.id());
        index(t.credit(), t.id());
      }
      changes.resolvedHolds().forEach(h -> transfers.put(h.id(), h));
    }

    private void index(AccountId account, TransferId id) {
      byAccount
          .computeIfAbsent(account, k -> Collections.synchronizedList(new ArrayList<>()))
          .add(id);
    }
  }
}
