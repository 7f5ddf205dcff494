package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.LedgerTx.Locked;
import dev.idsettle.spi.StoreWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store work of one batch: locks what the batch touches, reads what it must, has a {@link
 * BatchJudge} judge it and writes the outcome. One per attempt.
 */
final class BatchTransaction implements StoreWork<List<CommandResult>> {
  private final Clock clock;
  private final List<List<LedgerCommand>> groups;
  private final boolean readNewIds;

  /**
   * The work for {@code groups}; with {@code readNewIds} it reads the batch's new transfer ids
   * under lock (and judges replays), without it a replay fails the store's write and is retried.
   */
  BatchTransaction(Clock clock, List<List<LedgerCommand>> groups, boolean readNewIds) {
    this.clock = clock;
    this.groups = groups;
    this.readNewIds = readNewIds;
  }

  @Override
  public List<CommandResult> run(LedgerTx tx) {
    Instant now = clock.instant();
    Footprint f = footprint(tx);
    Locked locked = tx.lock(f.accounts, f.toRead);
    Map<TransferId, Transfer> known = locked.transfers();
    List<AccountId> withHolds = null;
    for (AccountId id : f.debited) {
      Account a = locked.accounts().get(id);
      if (a != null && a.reserved() > 0) {
        if (withHolds == null) {
          withHolds = new ArrayList<>(f.debited.size());
        }
        withHolds.add(id);
      }
    }
    List<Transfer> due = withHolds == null ? List.of() : tx.expiredHolds(withHolds, now);
    if (!due.isEmpty()) {
      known = new HashMap<>(known);
      for (Transfer hold : due) {
        known.putIfAbsent(hold.id(), hold);
      }
    }
    BatchJudge judge = new BatchJudge(now, locked.accounts(), known, f.commands);
    judge.expireDue(due);
    judge.expireDue(locked.transfers().values());
    List<CommandResult> results = judge.judge(groups, f.commands);
    Changes changes = judge.changes();
    if (!changes.isEmpty()) {
      tx.write(changes);
    }
    return results;
  }

  /** What the batch locks and reads. */
  private record Footprint(
      Collection<AccountId> accounts,
      Collection<AccountId> debited,
      Collection<TransferId> toRead,
      int commands) {}

  private Footprint footprint(LedgerTx tx) {
    if (groups.size() == 1 && groups.get(0).size() == 1) {
      LedgerCommand only = groups.get(0).get(0);
      if (only instanceof TransferCommand t
          && t.pendingId() == null
          && t.debit() != null
          && t.credit() != null) {
        // the common batch, one post or hold: two accounts, no hold to read first
        AccountId debit = t.debit();
        AccountId credit = t.credit();
        Collection<AccountId> accounts =
            debit.equals(credit) ? List.of(debit) : List.of(debit, credit);
        return new Footprint(accounts, List.of(debit), readNewIds ? List.of(t.id()) : List.of(), 1);
      }
    }
    int commands = 0;
    for (List<LedgerCommand> group : groups) {
      commands += group.size();
    }
    // sized once: a store sorts what it locks itself
    Set<TransferId> pendingIds = new HashSet<>(4);
    Set<TransferId> ids = new HashSet<>(2 * commands + 2);
    Set<AccountId> accountIds = new HashSet<>(4 * commands + 4);
    Set<AccountId> debited = new HashSet<>(2 * commands + 2);
    for (List<LedgerCommand> group : groups) {
      for (LedgerCommand c : group) {
        collect(c, ids, pendingIds, accountIds, debited);
      }
    }
    if (!pendingIds.isEmpty()) {
      // a hold's accounts never change, so reading them before locking is safe
      for (Transfer hold : tx.findTransfers(pendingIds).values()) {
        accountIds.add(hold.debit());
        accountIds.add(hold.credit());
        debited.add(hold.debit());
      }
    }
    Collection<TransferId> toRead = pendingIds;
    if (readNewIds) {
      ids.addAll(pendingIds);
      toRead = ids;
    }
    return new Footprint(accountIds, debited, toRead, commands);
  }

  private static void collect(
      LedgerCommand c,
      Set<TransferId> ids,
      Set<TransferId> pendingIds,
      Set<AccountId> accounts,
      Set<AccountId> debited) {
    if (c instanceof TransferCommand t) {
      ids.add(t.id());
      if (t.pendingId() != null) {
        pendingIds.add(t.pendingId());
      }
      if (t.debit() != null) {
        accounts.add(t.debit());
        debited.add(t.debit());
      }
      if (t.credit() != null) {
        accounts.add(t.credit());
      }
    } else if (c instanceof StateChange s) {
      accounts.add(s.account());
      debited.add(s.account());
    } else {
      Tombstone t = (Tombstone) c;
      ids.add(t.id());
      accounts.add(t.debit());
      accounts.add(t.credit());
    }
  }
}
