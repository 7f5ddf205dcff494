package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The transfers of each account in write order, as a chain through the records: each record links
 * to the next record of its debit account and to the next of its credit account (a record whose
 * debit and credit are the same account is in one chain, through its debit link). An account's
 * chain ends (head and tail) and length live in its slot; a transfer may name an account that does
 * not exist (a refusal recorded for a whole group), whose chain waits in an {@link Orphan} until
 * the account is created and adopts it.
 *
 * <p>Appends happen under the store's commit lock. Readers take no lock: a record is linked with
 * release semantics after it was written, and a chain's head never changes once set.
 */
final class TransferChains {
  /** How often a long chain is marked, see {@link ChainMarks}. */
  static final int MARK_EVERY = 64;

  private final AccountTable accounts;
  private final TransferRecords records;
  private final ConcurrentHashMap<Long, Orphan> orphans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, ChainMarks> marks = new ConcurrentHashMap<>();

  /** The chain of an account id that has no account (yet). Kept after adoption for readers. */
  private static final class Orphan {
    volatile long ends;
    int count;
  }

  TransferChains(AccountTable accounts, TransferRecords records) {
    this.accounts = accounts;
    this.records = records;
  }

  /** Creates {@code account}'s slot, adopting the chain its id has collected. Commit lock. */
  int createAccount(Account account) {
    Orphan orphan = orphans.get(account.id().value());
    return orphan == null
        ? accounts.create(account, 0, 0)
        : accounts.create(account, orphan.ends, orphan.count);
  }

  /** Appends record {@code r} to the chains of its accounts. Commit lock. */
  void append(int r) {
    long debit = records.debit(r);
    long credit = records.credit(r);
    appendTo(debit, r);
    if (credit != debit) {
      appendTo(credit, r);
    }
  }

  private void appendTo(long account, int r) {
    int slot = accounts.slotOf(account);
    Orphan orphan = slot != 0 ? null : orphans.computeIfAbsent(account, k -> new Orphan());
    long ends = orphan == null ? accounts.chainEnds(slot) : orphan.ends;
    int count = orphan == null ? accounts.chainCount(slot) : orphan.count;
    int head = (int) (ends >>> 32);
    int tail = (int) ends;
    if (tail != 0) {
      link(tail, account, r);
    }
    long newEnds = ((long) (head == 0 ? r : head) << 32) | (r & 0xFFFFFFFFL);
    if (orphan == null) {
      accounts.setChainEnds(slot, newEnds);
      accounts.setChainCount(slot, count + 1);
    } else {
      orphan.ends = newEnds;
      orphan.count = count + 1;
    }
    if (count > 0 && count % MARK_EVERY == 0) {
      marks.computeIfAbsent(account, k -> new ChainMarks()).add(r);
    }
  }

  private void link(int from, long account, int to) {
    long links = records.links(from);
    if (records.debit(from) == account) {
      links = (links & 0xFFFFFFFFL) | ((long) to << 32);
    } else {
      links = (links & 0xFFFFFFFF00000000L) | (to & 0xFFFFFFFFL);
    }
    records.setLinks(from, links);
  }

  /** The record after {@code r} in {@code account}'s chain, or 0. */
  int next(int r, long account) {
    long links = records.links(r);
    return records.debit(r) == account ? (int) (links >>> 32) : (int) links;
  }

  /** The first record of {@code account}'s chain, or 0. */
  int head(long account) {
    int slot = accounts.slotOf(account);
    if (slot != 0) {
      return (int) (accounts.chainEnds(slot) >>> 32);
    }
    Orphan orphan = orphans.get(account);
    return orphan == null ? 0 : (int) (orphan.ends >>> 32);
  }

  /**
   * Visits {@code account}'s records from position {@code offset} on, in write order, while {@code
   * visitor} returns true.
   */
  void forEach(long account, int offset, IntPredicate visitor) {
    int r = head(account);
    long position = 0;
    ChainMarks m = offset >= MARK_EVERY && r != 0 ? marks.get(account) : null;
    if (m != null) {
      int k = Math.min(offset / MARK_EVERY, m.size());
      if (k > 0) {
        r = m.get(k - 1);
        position = (long) k * MARK_EVERY;
      }
    }
    for (; r != 0 && position < offset; position++) {
      r = next(r, account);
    }
    while (r != 0 && visitor.test(r)) {
      r = next(r, account);
    }
  }
}
