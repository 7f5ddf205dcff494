package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * The transfers of a {@link MemoryStore}: {@link TransferRecords} found by id through a {@link
 * TaggedHashIndex}, listed per account by {@link TransferChains}, and the open holds in timeout
 * order (only while open). Read without a lock.
 *
 * <p>Commits run in parallel. A commit holds, in ascending order, the monitors of the index
 * segments of every transfer id it inserts or resolves ({@link #withSegmentsLocked}), and only
 * there checks and changes them: so a transfer id is inserted once, and a hold is resolved once,
 * whatever accounts the committing transactions have locked. Records are allocated and chains
 * appended without a lock.
 */
final class Journal {
  private final TransferRecords records = new TransferRecords();
  private final TaggedHashIndex index = new TaggedHashIndex(1024);
  private final TransferChains chains;
  private final ConcurrentSkipListSet<OpenHold> openHolds = new ConcurrentSkipListSet<>();

  Journal(AccountTable accounts) {
    this.chains = new TransferChains(accounts, records);
  }

  /** The record of transfer {@code id}, or 0. */
  int recordOf(TransferId id) {
    long high = id.high();
    long low = id.low();
    return index.find(SlotHash.of(high, low), r -> records.hasId(r, high, low));
  }

  /** The transfer with {@code id}, if any. */
  @Nullable Transfer find(TransferId id) {
    int r = recordOf(id);
    return r == 0 ? null : records.read(r);
  }

  /** The transfers among {@code ids} that exist. */
  Map<TransferId, Transfer> findAll(Collection<TransferId> ids) {
    Map<TransferId, Transfer> out = new HashMap<>(2 * ids.size() + 2);
    for (TransferId id : ids) {
      Transfer t = find(id);
      if (t != null) {
        out.put(id, t);
      }
    }
    return out;
  }

  /** Whether transfer {@code id} exists and is an open hold. */
  boolean isOpen(TransferId id) {
    int r = recordOf(id);
    return r != 0 && records.holdState(r) == HoldState.OPEN;
  }

  /**
   * Whether {@code transfers} can still be inserted. Under the monitors of their segments (or as
   * the only writer).
   */
  boolean hasRoomFor(List<Transfer> transfers) {
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      // the whole batch counted against each of its segments: exact for one transfer, safe for more
      if (!index.hasRoomFor(segmentOf(t.id()), transfers.size())) {
        return false;
      }
    }
    return true;
  }

  /** The index segment of transfer {@code id}. */
  static int segmentOf(TransferId id) {
    return TaggedHashIndex.segmentOf(SlotHash.of(id.high(), id.low()));
  }

  /**
   * The distinct index segments of {@code transfers} and {@code holds}, ascending: the order in
   * which a commit locks them.
   */
  static int[] segmentsOf(List<Transfer> transfers, List<Transfer> holds) {
    int n = transfers.size() + holds.size();
    if (n == 1) {
      return new int[] {segmentOf((transfers.isEmpty() ? holds : transfers).get(0).id())};
    }
    int[] segments = new int[n];
    int i = 0;
    for (Transfer t : transfers) {
      segments[i++] = segmentOf(t.id());
    }
    for (Transfer t : holds) {
      segments[i++] = segmentOf(t.id());
    }
    Arrays.sort(segments);
    int unique = 0;
    for (int k = 0; k < n; k++) {
      if (unique == 0 || segments[unique - 1] != segments[k]) {
        segments[unique++] = segments[k];
      }
    }
    return unique == n ? segments : Arrays.copyOf(segments, unique);
  }

  /**
   * The object whose monitor a commit holds to insert or resolve a transfer id of {@code segment}.
   */
  Object segmentLock(int segment) {
    return index.segmentLock(segment);
  }

  /**
   * Runs {@code work} holding the monitors of {@code segments} (ascending, distinct), taken in that
   * order so that two commits never wait for each other in a cycle.
   */
  void withSegmentsLocked(int[] segments, Runnable work) {
    lockFrom(segments, 0, work);
  }

  private void lockFrom(int[] segments, int from, Runnable work) {
    if (from == segments.length) {
      work.run();
      return;
    }
    synchronized (index.segmentLock(segments[from])) {
      lockFrom(segments, from + 1, work);
    }
  }

  /** Throws unless every id of {@code transfers} is new, to the store and within the list. */
  void requireNew(List<Transfer> transfers) {
    Set<TransferId> seen = transfers.size() > 1 ? new HashSet<>() : Set.of();
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      if (recordOf(t.id()) != 0 || (transfers.size() > 1 && !seen.add(t.id()))) {
        throw new RetryableStoreException("transfer " + t.id() + " was inserted concurrently");
      }
    }
  }

  /** Throws unless every hold of {@code holds} is still open. */
  void requireOpen(List<Transfer> holds) {
    for (int i = 0; i < holds.size(); i++) {
      Transfer hold = holds.get(i);
      if (!isOpen(hold.id())) {
        throw new StoreException("constraint violated: hold " + hold.id() + " is not open", false);
      }
    }
  }

  /** Creates an account, with the chain its id may have already. Under the creation lock. */
  int createAccount(Account account) {
    return chains.createAccount(account);
  }

  /**
   * Inserts {@code t}, whose id is new, and whose accounts' slots are {@code debitSlot} and {@code
   * creditSlot} if the caller knows them, else 0. Under the monitor of its segment.
   */
  void insert(Transfer t, int debitSlot, int creditSlot) {
    int r = records.append(t);
    chains.append(r, debitSlot, creditSlot);
    index.add(SlotHash.of(t.id().high(), t.id().low()), r);
    Instant timeout = t.timeout();
    if (t.holdState() == HoldState.OPEN && timeout != null) {
      openHolds.add(new OpenHold(timeout, t.id()));
    }
  }

  /** Gives an existing hold its new state. Under the monitor of its segment. */
  void resolve(Transfer hold) {
    int r = recordOf(hold.id());
    if (r == 0) {
      throw new IllegalStateException("hold " + hold.id() + " vanished");
    }
    records.setHoldState(r, hold.holdState());
    Instant timeout = records.timeout(r);
    if (timeout != null) {
      openHolds.remove(new OpenHold(timeout, hold.id()));
    }
  }

  /** A page of {@code account}'s transfers in write order. */
  List<Transfer> page(AccountId account, int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit <= 0) {
      return List.of();
    }
    int[] page = chains.records(account.value(), offset, limit);
    List<Transfer> out = new ArrayList<>(page.length);
    for (int r : page) {
      out.add(records.read(r));
    }
    return out;
  }

  /**
   * The open holds debiting {@code account} whose timeout is at or before {@code now}, in write
   * order. {@code reserved} is the account's reserved amount, read under its lock: the walk back
   * through the account's history ends once it has found open holds worth that much, instead of at
   * the account's first transfer.
   */
  List<Transfer> dueHolds(AccountId account, long reserved, Instant now) {
    long id = account.value();
    List<Transfer> out = new ArrayList<>(0);
    // an account's reserved amount is the sum of its open holds: once the walk back through its
    // history has found that much, older records hold no open hold of it
    long[] unseen = {reserved};
    if (reserved <= 0) {
      return out;
    }
    chains.forEachBackward(
        id,
        r -> {
          if (records.kind(r) == TransferKind.HOLD
              && records.holdState(r) == HoldState.OPEN
              && records.debit(r) == id) {
            unseen[0] -= records.amount(r);
            Instant timeout = records.timeout(r);
            if (timeout != null && !timeout.isAfter(now)) {
              out.add(records.read(r));
            }
          }
          return unseen[0] > 0;
        });
    Collections.reverse(out);
    return out;
  }

  /** Up to {@code limit} open holds whose timeout is at or before {@code now}, earliest first. */
  List<Transfer> expiredHolds(Instant now, int limit) {
    List<Transfer> out = new ArrayList<>();
    for (OpenHold hold : openHolds) {
      if (out.size() >= limit || hold.timeout().isAfter(now)) {
        break;
      }
      Transfer t = find(hold.id());
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** The number of transfers. */
  int size() {
    return records.size();
  }

  /** The transfer in record {@code record}, 1 to {@link #size()}. */
  Transfer read(int record) {
    return records.read(record);
  }
}
