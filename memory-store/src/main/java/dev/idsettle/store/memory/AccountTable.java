package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * The accounts of a {@link MemoryStore}, each a slot of {@value AccountSlot#STRIDE} longs, found by
 * id or by ID hash through two {@link IntHashIndex}es; {@link Account} objects exist only while a
 * caller holds one.
 *
 * <p>Slots are created under the store's creation lock and published through the indexes after they
 * were written. An existing slot changes only at commit, by the holder of the account's stripe,
 * under a per-slot-stripe {@link StampedLock} in write mode, so that readers without a lock read a
 * consistent image (an optimistic read, validated, else a read lock). The slot's chain word belongs
 * to {@link TransferChains}.
 */
final class AccountTable {
  private static final int SEQLOCKS = 1024;
  private static final int DECOYS = 256;

  private final RecordPages slots = new RecordPages("accounts", AccountSlot.STRIDE, 12);
  private final AccountSlot codec = new AccountSlot(slots);
  private final IntHashIndex byId = new IntHashIndex(1024, slot -> slots.get(slot, AccountSlot.ID));
  private final IntHashIndex byHash =
      new IntHashIndex(1024, slot -> slots.get(slot, AccountSlot.HASH));
  private final StampedLock[] seqlocks = new StampedLock[SEQLOCKS];
  // this thread's last account found by ID hash, as {id, slot}: the transaction that follows (the
  // debit of an authorize) locks that account by id and is spared a second random probe of memory;
  // right for as long as the store lives, since a slot never moves and its id never changes
  private final ThreadLocal<long[]> lastFound = ThreadLocal.withInitial(() -> new long[2]);
  // published slots of ID accounts, one of which a look-up by ID hash that found nothing reads in
  // place of the account it did not find (0: none yet); set with release, read with acquire
  private final AtomicIntegerArray decoys = new AtomicIntegerArray(DECOYS);

  AccountTable() {
    for (int i = 0; i < SEQLOCKS; i++) {
      seqlocks[i] = new StampedLock();
    }
  }

  /** The number of accounts. */
  int size() {
    return slots.size();
  }

  /** Whether {@code more} accounts can still be created. Under the creation lock. */
  boolean hasRoomFor(int more) {
    return byId.hasRoomFor(more) && byHash.hasRoomFor(more);
  }

  /** The slot of the account with {@code id}, or 0. */
  int slotOf(long id) {
    long[] last = lastFound.get();
    if (last[1] != 0 && last[0] == id) {
      return (int) last[1];
    }
    return byId.find(id, slot -> slots.get(slot, AccountSlot.ID) == id);
  }

  /** The slot of the ID account with {@code hash}, or 0. */
  int slotOf(IdHash hash) {
    int found = byHash.find(hash.word(0), slot -> codec.hasHash(slot, hash));
    if (found != 0) {
      remember(found);
    }
    return found;
  }

  private void remember(int slot) {
    long[] last = lastFound.get();
    last[0] = slots.get(slot, AccountSlot.ID);
    last[1] = slot;
  }

  /**
   * The image of an ID account other than the one {@code missed} names, read as a look-up by ID
   * hash that found it would have (remembered, then read), or null if there is no ID account yet.
   * What a look-up that found nothing does, so that an ID hash never issued costs what one issued
   * and not sold does: the image is built, then dropped by the caller.
   */
  @Nullable Account readInstead(IdHash missed) {
    int slot = decoys.getAcquire((int) missed.word(1) & (DECOYS - 1));
    if (slot == 0) {
      return null;
    }
    remember(slot);
    return read(slot);
  }

  /** The account with {@code id}, if any. */
  @Nullable Account find(AccountId id) {
    int slot = slotOf(id.value());
    return slot == 0 ? null : read(slot);
  }

  /** The account in {@code slot}, a consistent image even while a commit changes it. */
  Account read(int slot) {
    StampedLock lock = seqlocks[slot & (SEQLOCKS - 1)];
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      Account a = codec.readOptimistic(slot, lock, stamp);
      if (a != null) {
        return a;
      }
    }
    stamp = lock.readLock();
    try {
      return codec.read(slot);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /**
   * Creates a slot for {@code account} with the chain an account of its id already has, and
   * publishes it. Under the creation lock and the monitor of {@link TransferChains}.
   */
  int create(Account account, long chainEnds) {
    int slot = slots.allocate();
    codec.writeNew(slot, account, chainEnds);
    byId.add(account.id().value(), slot);
    IdHash hash = account.idHash();
    if (hash != null) {
      byHash.add(slots.get(slot, AccountSlot.HASH), slot);
      decoys.setRelease((int) hash.word(2) & (DECOYS - 1), slot);
    }
    return slot;
  }

  /**
   * Writes the changeable fields of {@code image} to {@code slot}. The caller holds the account's
   * stripe, so that one writer at a time changes a slot.
   */
  void update(int slot, Account image) {
    StampedLock lock = seqlocks[slot & (SEQLOCKS - 1)];
    long stamp = lock.writeLock();
    try {
      codec.writeMutable(slot, image);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /** Whether {@code image} carries the ID hash stored in {@code slot}, which never changes. */
  boolean sameIdHash(int slot, Account image) {
    IdHash hash = image.idHash();
    return hash == null ? !codec.hasHash(slot) : codec.hasHash(slot, hash);
  }

  /** The chain's word: its length and last record, packed; see {@link TransferChains}. */
  long chainEnds(int slot) {
    return slots.getAcquire(slot, AccountSlot.CHAIN);
  }

  /** Replaces the chain's word if it is still {@code expected}. */
  boolean casChainEnds(int slot, long expected, long ends) {
    return slots.compareAndSet(slot, AccountSlot.CHAIN, expected, ends);
  }

  /** The id of the account in {@code slot}, 1 to {@link #size()} (0 while it is being created). */
  long idAt(int slot) {
    return slots.getAcquire(slot, AccountSlot.ID);
  }

  /** The id index, for tests of growth. */
  IntHashIndex idIndex() {
    return byId;
  }
}
