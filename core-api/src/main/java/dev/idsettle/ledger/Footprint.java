package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.spi.LedgerTx;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch locks and reads: its accounts, those of them it debits (whose due holds are read
 * under lock), the transfers to read, and how many commands it has.
 */
record Footprint(
    Collection<AccountId> accounts,
    Collection<AccountId> debited,
    Collection<TransferId> toRead,
    int commands) {

  /**
   * What {@code groups} lock and read; with {@code readNewIds} the batch's new transfer ids are
   * read too. A hold that a command resolves is read first, for its accounts.
   */
  static Footprint of(List<List<LedgerCommand>> groups, boolean readNewIds, LedgerTx tx) {
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
