package dev.idsettle.ledger;

import dev.idsettle.spi.LedgerTx.Changes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one batch: the images of the locked accounts and the transfers as judged so
 * far, over the rows as the store gave them, with an undo log for a linked group of several
 * commands. Knows no rule. Not thread-safe: one per batch.
 */
final class WriteSet {
  private final Map<AccountId, Account> original;
  private final Map<TransferId, Transfer> stored;
  private final int expected;
  // created on first use, and sized for the batch: most batches are one transfer
  private @Nullable WorkingSetMap<AccountId, Account> images;
  private @Nullable WorkingSetMap<TransferId, Transfer> inserts;
  private @Nullable WorkingSetMap<TransferId, Transfer> resolved;
  // null outside a linked group of several commands
  private @Nullable Deque<Runnable> undo;

  WriteSet(Map<AccountId, Account> locked, Map<TransferId, Transfer> existing, int expected) {
    this.original = locked;
    this.stored = existing;
    this.expected = Math.max(1, expected);
  }

  /** The account's image as judged so far, or null if it is not locked (does not exist). */
  @Nullable Account account(AccountId id) {
    Account a = images == null ? null : images.get(id);
    return a != null ? a : original.get(id);
  }

  /** The transfer as judged so far (inserted, resolved or stored), or null. */
  @Nullable Transfer transfer(TransferId id) {
    Transfer t = inserts == null ? null : inserts.get(id);
    if (t != null) {
      return t;
    }
    t = resolved == null ? null : resolved.get(id);
    return t != null ? t : stored.get(id);
  }

  /** Starts logging undo steps for a group of {@code size} commands (none for a lone one). */
  void beginGroup(int size) {
    undo = size > 1 ? new ArrayDeque<>(4 * size) : null;
  }

  /** Keeps what the group wrote. */
  void commitGroup() {
    undo = null;
  }

  /** Undoes what the group wrote since {@link #beginGroup}. */
  void rollbackGroup() {
    Deque<Runnable> log = undo;
    undo = null;
    if (log != null) {
      while (!log.isEmpty()) {
        log.pop().run();
      }
    }
  }

  void put(Account next) {
    WorkingSetMap<AccountId, Account> map = images;
    if (map == null) {
      map = images = new WorkingSetMap<>(2 * expected);
    }
    Account previous = map.put(next.id(), next);
    Deque<Runnable> log = undo;
    if (log != null) {
      WorkingSetMap<AccountId, Account> touched = map;
      log.push(() -> restore(touched, next.id(), previous));
    }
  }

  void insert(Transfer t) {
    WorkingSetMap<TransferId, Transfer> map = inserts;
    if (map == null) {
      map = inserts = new WorkingSetMap<>(expected);
    }
    map.put(t.id(), t);
    Deque<Runnable> log = undo;
    if (log != null) {
      WorkingSetMap<TransferId, Transfer> inserted = map;
      log.push(() -> inserted.remove(t.id()));
    }
  }

  /** Marks {@code hold} as {@code state}: in place if this batch inserted it. */
  void resolve(Transfer hold, HoldState state) {
    Transfer next = hold.withHoldState(state);
    WorkingSetMap<TransferId, Transfer> inserted = inserts;
    Deque<Runnable> log = undo;
    if (inserted != null && inserted.containsKey(hold.id())) {
      inserted.put(hold.id(), next);
      if (log != null) {
        log.push(() -> inserted.put(hold.id(), hold));
      }
      return;
    }
    WorkingSetMap<TransferId, Transfer> map = resolved;
    if (map == null) {
      map = resolved = new WorkingSetMap<>(4);
    }
    Transfer previous = map.put(hold.id(), next);
    if (log != null) {
      WorkingSetMap<TransferId, Transfer> done = map;
      log.push(() -> restore(done, hold.id(), previous));
    }
  }

  private static <K, V> void restore(WorkingSetMap<K, V> map, K key, @Nullable V previous) {
    if (previous == null) {
      map.remove(key);
    } else {
      map.put(key, previous);
    }
  }

  /** What the store must write: changed accounts, new transfers, resolved holds. */
  Changes changes() {
    WorkingSetMap<AccountId, Account> touched = images;
    List<Account> changed = touched == null ? List.of() : touched.values();
    for (int i = 0; i < changed.size(); i++) {
      // a hold and its void in one batch leave the account as it was: nothing to write
      if (unchanged(changed.get(i))) {
        changed = differing(changed);
        break;
      }
    }
    return new Changes(changed, valuesOf(inserts), valuesOf(resolved));
  }

  /** The images among {@code images} that differ from the account as locked. */
  private List<Account> differing(List<Account> images) {
    List<Account> changed = new ArrayList<>(images.size());
    for (Account a : images) {
      if (!unchanged(a)) {
        changed.add(a);
      }
    }
    return changed;
  }

  /**
   * Whether {@code image} equals the account as locked. An image is made by {@link Account#with},
   * which changes only the state, the balances and the expiry, so only those are compared: the
   * record's own {@code equals} compares all nine components and cost more than the judging.
   */
  private boolean unchanged(Account image) {
    Account locked = original.get(image.id());
    return locked != null && sameJudgedFields(image, locked);
  }

  /**
   * Whether two images of one account agree in every field a batch can change (and so judges by):
   * state, balances, expiry instant.
   */
  static boolean sameJudgedFields(Account a, Account b) {
    return a.posted() == b.posted()
        && a.reserved() == b.reserved()
        && a.state() == b.state()
        && Objects.equals(a.expiresAt(), b.expiresAt());
  }

  private static List<Transfer> valuesOf(@Nullable WorkingSetMap<TransferId, Transfer> map) {
    return map == null ? List.of() : map.values();
  }
}
