package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerTx;
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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** One transaction of a {@link MemoryStore}: locks held until it ends, writes applied at commit. */
final class MemoryTx implements LedgerTx {
  private static final int CREATE_CHUNK = 1024;

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
    return store.journal.findAll(ids);
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
      Account a = store.accounts.find(id);
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
      out.addAll(store.journal.dueHolds(id, now));
    }
    return out;
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
          store.accounts.slotOf(a.id().value()) != 0
              || pendingIds.contains(a.id())
              || (hash != null
                  && (store.accounts.slotOf(hash) != 0 || pendingHashes.contains(hash)));
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
      requireWritable(a);
    }
    store.journal.requireOpen(changes.resolvedHolds());
    this.changes = changes;
  }

  /** An image must be of an account that exists (or is created here), with its ID hash. */
  private void requireWritable(Account image) {
    int slot = store.accounts.slotOf(image.id().value());
    boolean sameHash;
    if (slot != 0) {
      sameHash = store.accounts.sameIdHash(slot, image);
    } else {
      Account created = null;
      for (Account a : newAccounts) {
        if (a.id().equals(image.id())) {
          created = a;
        }
      }
      if (created == null) {
        throw new IllegalStateException("account " + image.id() + " does not exist");
      }
      sameHash = Objects.equals(created.idHash(), image.idHash());
    }
    if (!sameHash) {
      throw new IllegalStateException("the ID hash of account " + image.id() + " cannot change");
    }
  }

  /**
   * Applies the buffered writes under the store's commit lock: checked first (room, a transfer id
   * taken concurrently, a hold resolved concurrently), then applied whole.
   */
  void commit() {
    Changes c = changes;
    if (c == null) {
      createAccounts();
      return;
    }
    store.commitLock.lock();
    try {
      requireRoom(newAccounts.size(), c.transfers().size());
      store.journal.requireNew(c.transfers());
      store.journal.requireOpen(c.resolvedHolds());
      for (Account a : newAccounts) {
        store.journal.createAccount(a);
      }
      for (Account a : c.accounts()) {
        int slot = store.accounts.slotOf(a.id().value());
        if (slot == 0) {
          throw new IllegalStateException("account " + a.id() + " vanished before its commit");
        }
        store.accounts.update(slot, a);
      }
      for (Transfer t : c.transfers()) {
        store.journal.insert(t);
      }
      for (Transfer hold : c.resolvedHolds()) {
        store.journal.resolve(hold);
      }
    } finally {
      store.commitLock.unlock();
    }
  }

  /**
   * Creates the accounts of a transaction that writes nothing else, a chunk per hold of the commit
   * lock, so that issuing many IDs at once does not stall other commits. Nothing can fail after the
   * first chunk: room is checked first, and only this transaction (holding the creation lock) can
   * use it up.
   */
  private void createAccounts() {
    for (int from = 0; from < newAccounts.size(); from += CREATE_CHUNK) {
      store.commitLock.lock();
      try {
        if (from == 0) {
          requireRoom(newAccounts.size(), 0);
        }
        for (Account a :
            newAccounts.subList(from, Math.min(newAccounts.size(), from + CREATE_CHUNK))) {
          store.journal.createAccount(a);
        }
      } finally {
        store.commitLock.unlock();
      }
    }
  }

  private void requireRoom(int accounts, int transfers) {
    if (!store.accounts.hasRoomFor(accounts) || !store.journal.hasRoomFor(transfers)) {
      throw new StoreException(
          "the memory store is full: nothing was committed; use a database-backed store", false);
    }
  }

  void release() {
    for (int i = held.size() - 1; i >= 0; i--) {
      held.get(i).unlock();
    }
    held.clear();
  }
}
