package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
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
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One transaction of a {@link MemoryStore}: locks held until it ends, writes applied at commit.
 *
 * <p>The stripes of the locked accounts make transactions linearizable per account and atomic
 * across the accounts of one batch: a commit changes only accounts whose stripes it holds. Commits
 * of disjoint stripes run in parallel; what they share (transfer ids, holds, chains) is guarded in
 * {@link Journal} and {@link TransferChains}.
 */
final class MemoryTx implements LedgerTx {
  private static final int[] NO_INTS = {};
  private static final long CREATE_WAIT_MILLIS = 20;
  private static final long[] NO_LONGS = {};
  private static final Account[] NO_ACCOUNTS = {};

  private final MemoryStore store;
  private int[] heldStripes = NO_INTS;
  private int stripesTaken;
  // the slots of the locked accounts that exist, by account id: a slot never moves or goes away
  private long[] lockedIds = NO_LONGS;
  private int[] lockedSlots = NO_INTS;
  private Account[] lockedAccounts = NO_ACCOUNTS;
  // most transactions create nothing: made on the first account to create
  private List<Account> newAccounts = List.of();
  private List<AccountKey> newKeys = List.of();
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
    // indexed, not iterated: the usual list of two pays no iterator
    List<AccountId> ids =
        accounts instanceof List<AccountId> l && l instanceof RandomAccess
            ? l
            : new ArrayList<>(accounts);
    int n = ids.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = MemoryStore.stripeOf(ids.get(i));
    }
    Arrays.sort(order);
    int unique = 0;
    for (int i = 0; i < n; i++) {
      if (unique == 0 || order[unique - 1] != order[i]) {
        order[unique++] = order[i];
      }
    }
    heldStripes = unique == n ? order : Arrays.copyOf(order, unique);
    for (int stripe : heldStripes) {
      store.stripes.lock(stripe);
      stripesTaken++;
    }
    lockedIds = new long[n];
    lockedSlots = new int[n];
    lockedAccounts = new Account[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      AccountId id = ids.get(i);
      int slot = store.accounts.slotOf(id.value());
      if (slot != 0) {
        lockedIds[k] = id.value();
        lockedSlots[k] = slot;
        lockedAccounts[k++] = store.accounts.read(slot);
      }
    }
    Map<TransferId, Transfer> existing = transfers.isEmpty() ? Map.of() : findTransfers(transfers);
    return new Locked(foundMap(k), existing);
  }

  /** The first {@code k} locked accounts by id; the usual one or two without a hash table. */
  private Map<AccountId, Account> foundMap(int k) {
    Account[] a = lockedAccounts;
    if (k == 0) {
      return Map.of();
    }
    if (k == 1) {
      return Map.of(a[0].id(), a[0]);
    }
    if (k == 2 && lockedIds[0] != lockedIds[1]) {
      return Map.of(a[0].id(), a[0], a[1].id(), a[1]);
    }
    Map<AccountId, Account> found = new HashMap<>(2 * k + 2);
    for (int i = 0; i < k; i++) {
      found.put(a[i].id(), a[i]);
    }
    return found;
  }

  /** The slot of an account that was locked here and existed then, else 0. */
  private int lockedSlot(long id) {
    for (int i = 0; i < lockedIds.length; i++) {
      if (lockedIds[i] == id) {
        return lockedSlots[i];
      }
    }
    return 0;
  }

  private @Nullable Account lockedAccount(long id) {
    for (int i = 0; i < lockedIds.length; i++) {
      if (lockedIds[i] == id) {
        return lockedAccounts[i];
      }
    }
    return null;
  }

  /** The slot of account {@code id}, looked up unless it was locked here. */
  private int slotOf(long id) {
    int slot = lockedSlot(id);
    return slot != 0 ? slot : store.accounts.slotOf(id);
  }

  @Override
  public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
    List<Transfer> out = new ArrayList<>();
    for (AccountId id : new LinkedHashSet<>(accounts)) {
      // locked by this transaction, so its reserved amount and its holds cannot change meanwhile
      Account account = store.accounts.find(id);
      if (account != null) {
        out.addAll(store.journal.dueHolds(id, account.reserved(), now));
      }
    }
    return out;
  }

  /**
   * Takes the creation lock. A transaction that creates first and then locks takes it before its
   * stripes; one that locks first would take them in the other order, so it only waits a while: if
   * the lock stays taken (perhaps by a transaction waiting for its stripes), it gives up with a
   * conflict, which releases its stripes, and the caller retries.
   */
  private void acquireCreateLock() {
    if (!locked) {
      store.createLock.lock();
      return;
    }
    boolean acquired;
    try {
      acquired = store.createLock.tryLock(CREATE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to create accounts", false, e);
    }
    if (!acquired) {
      throw new RetryableStoreException(
          "accounts could not be created while other transactions create some: nothing was"
              + " committed, retry");
    }
  }

  @Override
  public Set<AccountId> insertAccounts(List<Account> accounts) {
    if (!creating) {
      // account creation is serialized so that id and hash uniqueness are checked atomically
      acquireCreateLock();
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
        if (newAccounts.isEmpty()) {
          newAccounts = new ArrayList<>(accounts.size());
        }
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
  public Set<IdHash> insertKeys(List<AccountKey> keys) {
    if (!creating) {
      // serialized with account creation, so that the check for an existing hash is atomic
      acquireCreateLock();
      creating = true;
    }
    Set<IdHash> existing = new LinkedHashSet<>();
    Set<IdHash> pending = new HashSet<>();
    for (AccountKey k : newKeys) {
      pending.add(k.hash());
    }
    for (AccountKey k : keys) {
      if (store.keys.contains(k.hash()) || !pending.add(k.hash())) {
        existing.add(k.hash());
      } else {
        if (newKeys.isEmpty()) {
          newKeys = new ArrayList<>(keys.size());
        }
        newKeys.add(k);
      }
    }
    return existing;
  }

  @Override
  public void write(Changes changes) {
    if (this.changes != null) {
      throw new IllegalStateException("write may be called once per transaction");
    }
    List<Account> images = changes.accounts();
    for (int i = 0; i < images.size(); i++) {
      Account a = images.get(i);
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
    long id = image.id().value();
    int slot = slotOf(id);
    boolean sameHash;
    Account locked = lockedAccount(id);
    if (locked != null) {
      // as read under this transaction's lock: an ID hash never changes once stored
      sameHash = Objects.equals(locked.idHash(), image.idHash());
    } else if (slot != 0) {
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
   * Applies the buffered writes, holding the index segments of its transfer ids: checked first
   * (room, a transfer id taken concurrently, a hold resolved concurrently), then applied whole.
   */
  void commit() {
    Changes c = changes;
    if (c == null) {
      createAccounts();
      return;
    }
    if (c.transfers().isEmpty() && c.resolvedHolds().isEmpty()) {
      apply(c);
      return;
    }
    if (c.transfers().size() + c.resolvedHolds().size() == 1) {
      // the usual batch, one transfer: its one segment, without the general path's array and lambda
      Transfer only = c.transfers().isEmpty() ? c.resolvedHolds().get(0) : c.transfers().get(0);
      synchronized (store.journal.segmentLock(Journal.segmentOf(only.id()))) {
        apply(c);
      }
      return;
    }
    store.journal.withSegmentsLocked(
        Journal.segmentsOf(c.transfers(), c.resolvedHolds()), () -> apply(c));
  }

  private void apply(Changes c) {
    if ((!newAccounts.isEmpty() && !store.accounts.hasRoomFor(newAccounts.size()))
        || !store.journal.hasRoomFor(c.transfers())) {
      throw full();
    }
    store.journal.requireNew(c.transfers());
    store.journal.requireOpen(c.resolvedHolds());
    for (Account a : newAccounts) {
      store.journal.createAccount(a);
    }
    store.keys.addAll(newKeys);
    List<Account> images = c.accounts();
    for (int i = 0; i < images.size(); i++) {
      Account a = images.get(i);
      int slot = slotOf(a.id().value());
      if (slot == 0) {
        throw new IllegalStateException("account " + a.id() + " vanished before its commit");
      }
      store.accounts.update(slot, a);
    }
    List<Transfer> inserted = c.transfers();
    for (int i = 0; i < inserted.size(); i++) {
      Transfer t = inserted.get(i);
      store.journal.insert(t, lockedSlot(t.debit().value()), lockedSlot(t.credit().value()));
    }
    List<Transfer> holds = c.resolvedHolds();
    for (int i = 0; i < holds.size(); i++) {
      Transfer hold = holds.get(i);
      store.journal.resolve(hold);
    }
  }

  /**
   * Creates the accounts of a transaction that writes nothing else. Nothing can fail after the
   * first: room is checked first, and only this transaction (holding the creation lock) can use it
   * up.
   */
  private void createAccounts() {
    if (newAccounts.isEmpty()) {
      store.keys.addAll(newKeys);
      return;
    }
    if (!store.accounts.hasRoomFor(newAccounts.size())) {
      throw full();
    }
    for (Account a : newAccounts) {
      store.journal.createAccount(a);
    }
    store.keys.addAll(newKeys);
  }

  private static StoreException full() {
    return new StoreException(
        "the memory store is full: nothing was committed; use a database-backed store", false);
  }

  void release() {
    for (int i = stripesTaken - 1; i >= 0; i--) {
      store.stripes.unlock(heldStripes[i]);
    }
    stripesTaken = 0;
    if (creating) {
      creating = false;
      store.createLock.unlock();
    }
  }
}
