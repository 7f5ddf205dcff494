package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** One transaction of a {@link MemoryStore}: locks held until it ends, writes applied at commit. */
final class MemoryTx implements LedgerTx {
  private final MemoryStore store;
  private final List<ReentrantLock> held = new ArrayList<>(4);
  private int[] heldStripes = new int[0];
  private final List<Account> newAccounts = new ArrayList<>(0);
  private boolean locked;
  private boolean creating;
  private @Nullable Changes changes;

  MemoryTx(MemoryStore store) {
    this.store = store;
  }

  @Override
  public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
    Map<TransferId, Transfer> out = new HashMap<>(2 * ids.size() + 2);
    for (TransferId id : ids) {
      Transfer t = store.transfers.get(id);
      if (t != null) {
        out.put(id, t);
      }
    }
    return out;
  }

  @Override
  public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
    if (locked) {
      throw new IllegalStateException("lock may be called once per transaction");
    }
    locked = true;
    int[] order = new int[accounts.size()];
    int n = 0;
    for (AccountId id : accounts) {
      order[n++] = MemoryStore.stripeOf(id);
    }
    Arrays.sort(order);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || order[unique - 1] != order[i]) {
        order[unique++] = order[i];
      }
    }
    heldStripes = Arrays.copyOf(order, unique);
    for (int stripe : heldStripes) {
      ReentrantLock lock = store.stripe(stripe);
      lock.lock();
      held.add(lock);
    }
    Map<AccountId, Account> found = new HashMap<>(2 * n + 2);
    for (AccountId id : accounts) {
      Account a = store.accounts.get(id);
      if (a != null) {
        found.put(id, a);
      }
    }
    return new Locked(found, findTransfers(transfers));
  }

  @Override
  public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
    List<Transfer> out = new ArrayList<>();
    for (AccountId id : new LinkedHashSet<>(accounts)) {
      TransferLog log = store.logs.get(id);
      if (log == null) {
        continue;
      }
      for (TransferId tid : log.all()) {
        Transfer t = store.transfers.get(tid);
        if (t != null && isDueHold(t, id, now)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static boolean isDueHold(Transfer t, AccountId debit, Instant now) {
    Instant timeout = t.timeout();
    return t.kind() == TransferKind.HOLD
        && t.holdState() == HoldState.OPEN
        && t.debit().equals(debit)
        && timeout != null
        && !timeout.isAfter(now);
  }

  @Override
  public Set<AccountId> insertAccounts(List<Account> accounts) {
    if (!creating) {
      // account creation is serialized so that id and hash uniqueness are checked atomically
      store.createLock.lock();
      held.add(store.createLock);
      creating = true;
    }
    Set<AccountId> existing = new LinkedHashSet<>();
    Set<AccountId> pendingIds = new HashSet<>();
    Set<IdHash> pendingHashes = new HashSet<>();
    for (Account a : newAccounts) {
      pendingIds.add(a.id());
      if (a.idHash() != null) {
        pendingHashes.add(a.idHash());
      }
    }
    for (Account a : accounts) {
      IdHash hash = a.idHash();
      boolean clash =
          store.accounts.containsKey(a.id())
              || pendingIds.contains(a.id())
              || (hash != null && (store.byHash.containsKey(hash) || pendingHashes.contains(hash)));
      if (clash) {
        existing.add(a.id());
      } else {
        newAccounts.add(a);
        pendingIds.add(a.id());
        if (hash != null) {
          pendingHashes.add(hash);
        }
      }
    }
    return existing;
  }

  @Override
  public void write(Changes changes) {
    if (this.changes != null) {
      throw new IllegalStateException("write may be called once per transaction");
    }
    for (Account a : changes.accounts()) {
      if (Arrays.binarySearch(heldStripes, MemoryStore.stripeOf(a.id())) < 0) {
        throw new IllegalStateException("account " + a.id() + " was written without being locked");
      }
      if (a.mustNotOverdraw() && a.available() < 0) {
        throw new StoreException(
            "constraint violated: available balance of " + a.id() + " would be " + a.available(),
            false);
      }
    }
    for (Transfer hold : changes.resolvedHolds()) {
      Transfer current = store.transfers.get(hold.id());
      if (current == null || current.holdState() != HoldState.OPEN) {
        throw new StoreException("constraint violated: hold " + hold.id() + " is not open", false);
      }
    }
    this.changes = changes;
  }

  void commit() {
    for (Account a : newAccounts) {
      store.accounts.put(a.id(), a);
      IdHash hash = a.idHash();
      if (hash != null) {
        store.byHash.put(hash, a.id());
      }
    }
    Changes c = changes;
    if (c == null) {
      return;
    }
    List<TransferId> inserted = new ArrayList<>();
    for (Transfer t : c.transfers()) {
      if (store.transfers.putIfAbsent(t.id(), t) != null) {
        for (TransferId id : inserted) {
          store.transfers.remove(id);
        }
        throw new RetryableStoreException("transfer " + t.id() + " was inserted concurrently");
      }
      inserted.add(t.id());
    }
    for (Transfer hold : c.resolvedHolds()) {
      store.transfers.put(hold.id(), hold);
      Instant timeout = hold.timeout();
      if (timeout != null) {
        store.openHolds.remove(new OpenHold(timeout, hold.id()));
      }
    }
    for (Account a : c.accounts()) {
      store.accounts.put(a.id(), a);
    }
    for (Transfer t : c.transfers()) {
      log(t.debit(), t.id());
      log(t.credit(), t.id());
      Instant timeout = t.timeout();
      if (t.holdState() == HoldState.OPEN && timeout != null) {
        store.openHolds.add(new OpenHold(timeout, t.id()));
      }
    }
  }

  private void log(AccountId account, TransferId id) {
    store.logs.computeIfAbsent(account, k -> new TransferLog()).append(id);
  }

  void release() {
    for (int i = held.size() - 1; i >= 0; i--) {
      held.get(i).unlock();
    }
    held.clear();
  }
}
