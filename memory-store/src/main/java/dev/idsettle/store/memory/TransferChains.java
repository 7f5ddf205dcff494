package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The transfers of each account in write order, as a chain through the records: each record links
 * back to the previous record of its debit account and to the previous of its credit account (a
 * record whose debit and credit are the same account is in one chain, through its debit link). An
 * account's chain is one word in its slot, its length and its last record; a transfer may name an
 * account that does not exist (a refusal recorded for a whole group), whose chain waits in an
 * {@link Orphan} until the account is created and adopts it.
 *
 * <p>Appends need no lock: a record's back link is written before a compare-and-set of the
 * account's word makes the record its last, so appends to one account from several threads are
 * ordered by that word, and a reader that reads the word once sees a whole chain of that length.
 * Links never change once published. Only the chains of accounts that do not exist are appended
 * under this object's monitor, which account creation also holds.
 */
final class TransferChains {
  /** How often a long chain is marked, see {@link ChainPageIndex}. */
  static final int MARK_EVERY = 64;

  private final AccountTable accounts;
  private final TransferRecords records;
  private final ConcurrentHashMap<Long, Orphan> orphans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, ChainPageIndex> marks = new ConcurrentHashMap<>();

  /** The chain of an account id that has no account (yet). Kept after adoption for readers. */
  private static final class Orphan {
    volatile long ends;
  }

  TransferChains(AccountTable accounts, TransferRecords records) {
    this.accounts = accounts;
    this.records = records;
  }

  /** Creates {@code account}'s slot, adopting the chain its id has collected. */
  synchronized int createAccount(Account account) {
    Orphan orphan = orphans.get(account.id().value());
    return accounts.create(account, orphan == null ? 0 : orphan.ends);
  }

  /**
   * Appends record {@code r}, written but not yet published, to the chains of its accounts, whose
   * slots are {@code debitSlot} and {@code creditSlot} if the caller knows them, else 0.
   */
  void append(int r, int debitSlot, int creditSlot) {
    long debit = records.debit(r);
    long credit = records.credit(r);
    appendTo(debit, debitSlot, r, true);
    if (credit != debit) {
      appendTo(credit, creditSlot, r, false);
    }
  }

  private void appendTo(long account, int knownSlot, int r, boolean debitSide) {
    int slot = knownSlot != 0 ? knownSlot : accounts.slotOf(account);
    if (slot == 0 && appendToOrphan(account, r, debitSide)) {
      return;
    }
    if (slot == 0) {
      // created since we looked: appendToOrphan saw it under the creation monitor
      slot = accounts.slotOf(account);
    }
    long ends;
    long next;
    do {
      ends = accounts.chainEnds(slot);
      link(r, debitSide, (int) ends);
      next = following(ends, r);
    } while (!accounts.casChainEnds(slot, ends, next));
    mark(account, ends, r);
  }

  /** Appends to the chain of an account that does not exist; false if it exists by now. */
  private synchronized boolean appendToOrphan(long account, int r, boolean debitSide) {
    if (accounts.slotOf(account) != 0) {
      return false;
    }
    Orphan orphan = orphans.computeIfAbsent(account, k -> new Orphan());
    long ends = orphan.ends;
    link(r, debitSide, (int) ends);
    orphan.ends = following(ends, r);
    mark(account, ends, r);
    return true;
  }

  /** Sets {@code r}'s back link on one side to {@code previous}, keeping the other side. */
  private void link(int r, boolean debitSide, int previous) {
    long links = records.links(r);
    links =
        debitSide
            ? (links & 0xFFFFFFFFL) | ((long) previous << 32)
            : (links & 0xFFFFFFFF00000000L) | (previous & 0xFFFFFFFFL);
    records.setLinks(r, links);
  }

  /** The chain word after appending {@code r} to the chain whose word is {@code ends}. */
  private static long following(long ends, int r) {
    long count = ends >>> 32;
    return ((count + 1) << 32) | (r & 0xFFFFFFFFL);
  }

  private void mark(long account, long endsBefore, int r) {
    long position = endsBefore >>> 32;
    if (position % MARK_EVERY == MARK_EVERY - 1) {
      marks
          .computeIfAbsent(account, k -> new ChainPageIndex())
          .set((int) (position / MARK_EVERY), r);
    }
  }

  /** The record before {@code r} in {@code account}'s chain, or 0. */
  int previous(int r, long account) {
    long links = records.links(r);
    return records.debit(r) == account ? (int) (links >>> 32) : (int) links;
  }

  /** {@code account}'s chain word: its length (high half) and last record (low half). */
  long ends(long account) {
    int slot = accounts.slotOf(account);
    if (slot != 0) {
      return accounts.chainEnds(slot);
    }
    Orphan orphan = orphans.get(account);
    if (orphan == null) {
      // the account may have been created and adopted its chain since we looked
      slot = accounts.slotOf(account);
      return slot == 0 ? 0 : accounts.chainEnds(slot);
    }
    return orphan.ends;
  }

  /**
   * The records of {@code account} at positions {@code offset} to {@code offset + limit - 1} (as
   * far as the chain goes), in write order, from one consistent reading of the chain.
   */
  int[] records(long account, int offset, int limit) {
    long ends = ends(account);
    long count = ends >>> 32;
    long end = Math.min(count, (long) offset + limit);
    if (offset >= end) {
      return new int[0];
    }
    // walk back from the first mark at or after the page's last position, else from the tail
    long last = end - 1;
    long position = count - 1;
    int r = (int) ends;
    long k = last / MARK_EVERY;
    long markPosition = (k + 1) * MARK_EVERY - 1;
    ChainPageIndex m = markPosition < position ? marks.get(account) : null;
    int mark = m == null ? 0 : m.get((int) k);
    if (mark != 0) {
      r = mark;
      position = markPosition;
    }
    for (; position > last; position--) {
      r = previous(r, account);
    }
    int[] out = new int[(int) (end - offset)];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = r;
      r = previous(r, account);
    }
    return out;
  }

  /** Visits every record of {@code account}, last first, while {@code visitor} returns true. */
  void forEachBackward(long account, IntPredicate visitor) {
    int r = (int) ends(account);
    while (r != 0 && visitor.test(r)) {
      r = previous(r, account);
    }
  }
}
