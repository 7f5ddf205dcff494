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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * The transfers of a {@link MemoryStore}: {@link TransferRecords} found by id through an {@link
 * IntHashIndex}, listed per account by {@link TransferChains}, and the open holds in timeout order
 * (only while open). Changed only under the store's commit lock; read without a lock.
 */
final class Journal {
  private final TransferRecords records = new TransferRecords();
  private final IntHashIndex index =
      new IntHashIndex(1024, r -> Mix.of(records.idHigh(r), records.idLow(r)));
  private final TransferChains chains;
  private final ConcurrentSkipListSet<OpenHold> openHolds = new ConcurrentSkipListSet<>();

  Journal(AccountTable accounts) {
    this.chains = new TransferChains(accounts, records);
  }

  /** The record of transfer {@code id}, or 0. */
  int recordOf(TransferId id) {
    long high = id.high();
    long low = id.low();
    return index.find(Mix.of(high, low), r -> records.hasId(r, high, low));
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

  /** Whether {@code more} transfers can still be inserted. Commit lock. */
  boolean hasRoomFor(int more) {
    return index.hasRoomFor(more);
  }

  /** Throws unless every id of {@code transfers} is new, to the store and within the list. */
  void requireNew(List<Transfer> transfers) {
    Set<TransferId> seen = transfers.size() > 1 ? new HashSet<>() : Set.of();
    for (Transfer t : transfers) {
      if (recordOf(t.id()) != 0 || (transfers.size() > 1 && !seen.add(t.id()))) {
        throw new RetryableStoreException("transfer " + t.id() + " was inserted concurrently");
      }
    }
  }

  /** Throws unless every hold of {@code holds} is still open. */
  void requireOpen(List<Transfer> holds) {
    for (Transfer hold : holds) {
      if (!isOpen(hold.id())) {
        throw new StoreException("constraint violated: hold " + hold.id() + " is not open", false);
      }
    }
  }

  /** Creates an account, with the chain its id may have already. Commit lock. */
  int createAccount(Account account) {
    return chains.createAccount(account);
  }

  /** Inserts {@code t}, whose id is new. Commit lock. */
  void insert(Transfer t) {
    int r = records.append(t);
    index.add(Mix.of(t.id().high(), t.id().low()), r);
    chains.append(r);
    Instant timeout = t.timeout();
    if (t.holdState() == HoldState.OPEN && timeout != null) {
      openHolds.add(new OpenHold(timeout, t.id()));
    }
  }

  /** Gives an existing hold its new state. Commit lock. */
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
    List<Transfer> out = new ArrayList<>(Math.min(limit, 16));
    chains.forEach(
        account.value(),
        offset,
        r -> {
          out.add(records.read(r));
          return out.size() < limit;
        });
    return out;
  }

  /** The open holds debiting {@code account} whose timeout is at or before {@code now}. */
  List<Transfer> dueHolds(AccountId account, Instant now) {
    long id = account.value();
    List<Transfer> out = new ArrayList<>(0);
    chains.forEach(
        id,
        0,
        r -> {
          if (records.kind(r) == TransferKind.HOLD
              && records.holdState(r) == HoldState.OPEN
              && records.debit(r) == id) {
            Instant timeout = records.timeout(r);
            if (timeout != null && !timeout.isAfter(now)) {
              out.add(records.read(r));
            }
          }
          return true;
        });
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
}
