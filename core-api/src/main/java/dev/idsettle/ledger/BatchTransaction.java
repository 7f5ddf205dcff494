package dev.idsettle.ledger;

import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.LedgerTx.Locked;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The store work of one batch: locks what the batch touches, reads what it must, has a {@link
 * BatchJudge} judge it and writes the outcome. One per attempt.
 */
final class BatchTransaction implements StoreWork<List<CommandResult>> {
  private final Clock clock;
  private final List<List<LedgerCommand>> groups;
  private final boolean readNewIds;
  private final @Nullable AccountImages images;
  private final List<AccountKey> keys;

  // believed images an earlier attempt failed with: the ones the first locked run finds stale are
  // contended (once: later attempts of the same retry must not count them again)
  private @Nullable Map<AccountId, Account> suspects;

  // what the last run locked or assumed, and, once it wrote, the images it read and wrote
  private Collection<AccountId> touched = List.of();
  private Collection<Account> read = List.of();
  private List<Account> written = List.of();
  private @Nullable Map<AccountId, Account> assumed;
  private long maxIdBalance = Long.MAX_VALUE;

  /**
   * The work for {@code groups}; with {@code readNewIds} it reads the batch's new transfer ids
   * under lock (and judges replays), without it a replay fails the store's write and is retried.
   * With {@code images}, it offers the store the believed images of the batch's accounts when it
   * has them all and nothing else to read.
   */
  BatchTransaction(
      Clock clock,
      List<List<LedgerCommand>> groups,
      boolean readNewIds,
      @Nullable AccountImages images) {
    this(clock, groups, readNewIds, images, List.of(), null);
  }

  /**
   * The same, inserting {@code keys} if every command is applied ({@link LedgerBatch#withKeys}).
   */
  BatchTransaction(
      Clock clock,
      List<List<LedgerCommand>> groups,
      boolean readNewIds,
      @Nullable AccountImages images,
      List<AccountKey> keys) {
    this(clock, groups, readNewIds, images, keys, null);
  }

  private BatchTransaction(
      Clock clock,
      List<List<LedgerCommand>> groups,
      boolean readNewIds,
      @Nullable AccountImages images,
      List<AccountKey> keys,
      @Nullable Map<AccountId, Account> suspects) {
    this.clock = clock;
    this.keys = keys;
    this.groups = groups;
    this.readNewIds = readNewIds;
    this.images = images;
    this.suspects = suspects;
  }

  /**
   * The work of a retry under lock, which reads the new transfer ids too. If this attempt failed on
   * a conflict after judging by believed images, the retry marks those it finds stale as contended.
   */
  BatchTransaction retryUnderLock(boolean conflicted) {
    return new BatchTransaction(clock, groups, true, images, keys, conflicted ? assumed : null)
        .maxIdBalance(maxIdBalance);
  }

  /** The ledger's limit on an ID's balance, for the judge. */
  BatchTransaction maxIdBalance(long max) {
    this.maxIdBalance = max;
    return this;
  }

  /** Tells the images what the committed run saw; call after the store committed it. */
  void committed() {
    if (images != null) {
      // the written images last, as they replace the read ones
      images.committed(read);
      images.committed(written);
    }
  }

  /** Tells the images that the run failed: its accounts are forgotten. */
  void failed() {
    if (images != null) {
      images.forget(touched);
    }
  }

  @Override
  public List<CommandResult> run(LedgerTx tx) {
    Instant now = clock.instant();
    Footprint f = Footprint.of(groups, readNewIds, tx);
    touched = f.accounts();
    read = List.of();
    written = List.of();
    Map<AccountId, Account> believed = believed(f);
    assumed = believed;
    Locked locked =
        believed != null
            ? tx.lockOrAssume(f.accounts(), believed, f.toRead())
            : tx.lock(f.accounts(), f.toRead());
    Map<AccountId, Account> suspected = suspects;
    if (suspected != null && images != null) {
      suspects = null;
      List<AccountId> stale = new ArrayList<>(2);
      suspected.forEach(
          (id, image) -> {
            Account current = locked.accounts().get(id);
            if (current != null && !WriteSet.sameJudgedFields(current, image)) {
              stale.add(id);
            }
          });
      images.conflicted(stale);
    }
    Map<TransferId, Transfer> known = locked.transfers();
    List<AccountId> withHolds = null;
    for (AccountId id : f.debited()) {
      Account a = locked.accounts().get(id);
      if (a != null && a.reserved() > 0) {
        if (withHolds == null) {
          withHolds = new ArrayList<>(f.debited().size());
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
    BatchJudge judge =
        new BatchJudge(now, locked.accounts(), known, f.commands()).maxIdBalance(maxIdBalance);
    judge.expireDue(due);
    judge.expireDue(locked.transfers().values());
    List<CommandResult> results = judge.judge(groups, f.commands());
    Changes changes = judge.changes();
    if (believed != null && changes.accounts().size() != f.accounts().size()) {
      // an answer judged by an image that no write will verify (a denial, a refusal) could be
      // stale: judge again under lock
      throw new Unverified();
    }
    if (!keys.isEmpty() && allApplied(results)) {
      int existed = tx.insertKeys(keys).size();
      if (existed > 0) {
        throw new KeyExistsException(existed);
      }
    }
    if (!changes.isEmpty()) {
      tx.writeLast(changes);
    }
    read = locked.accounts().values();
    written = changes.accounts();
    return results;
  }

  /** Whether every command was applied now (a replay's keys were written by the original). */
  private static boolean allApplied(List<CommandResult> results) {
    for (CommandResult r : results) {
      if (!r.applied() || r.replayed()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The believed images to offer the store: only when it has one for every account, there is no
   * transfer to read, and no debited account has holds (whose timeouts are read under lock).
   */
  private @Nullable Map<AccountId, Account> believed(Footprint f) {
    if (images == null || readNewIds || !f.toRead().isEmpty() || f.accounts().isEmpty()) {
      return null;
    }
    Map<AccountId, Account> believed = images.believed(f.accounts());
    if (believed != null) {
      for (AccountId id : f.debited()) {
        Account a = believed.get(id);
        if (a != null && a.reserved() > 0) {
          return null;
        }
      }
    }
    return believed;
  }

  /**
   * Thrown, before anything is written, when a batch judged by believed images would leave one of
   * them unwritten and so unverified; the ledger judges it again under lock.
   */
  static final class Unverified extends RetryableStoreException {
    private static final long serialVersionUID = 1L;

    Unverified() {
      super("an answer judged by a believed account image could not be verified by a write");
    }
  }
}
