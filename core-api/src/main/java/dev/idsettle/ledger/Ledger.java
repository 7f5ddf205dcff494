package dev.idsettle.ledger;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.internal.Checks;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.LedgerTx.Locked;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The double-entry ledger over a {@link LedgerStore}: judges batches of commands with every rule
 * (no overdraft of an ID, holds and their timeouts, expiry, lifecycle, idempotent transfer ids,
 * linked groups) and has the store persist the outcome in one transaction. Conflicts reported by
 * the store are retried with backoff a bounded number of times. Thread-safe.
 */
public final class Ledger implements AutoCloseable {
  /**
   * How many account images the ledger remembers by default over a store that takes them ({@link
   * LedgerStore#takesBelievedImages()}): about 200 bytes each.
   */
  public static final long DEFAULT_ACCOUNT_IMAGES = 250_000;

  private final LedgerStore store;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration maxBackoff;
  private final @Nullable GroupCommitter groupCommitter;
  private final int groupCommitMax;
  private final @Nullable AccountImages images;
  private final long maxIdBalance;

  private Ledger(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.maxAttempts = b.maxAttempts;
    this.maxBackoff = b.maxBackoff;
    this.groupCommitMax = b.groupCommitMax;
    this.maxIdBalance = b.maxIdBalance;
    long imageCount =
        b.accountImages != null
            ? b.accountImages
            : b.store.takesBelievedImages() ? DEFAULT_ACCOUNT_IMAGES : 0;
    this.images = imageCount == 0 ? null : new AccountImages(imageCount);
    this.groupCommitter =
        b.groupCommitMax > 0
            ? new GroupCommitter(this::submitNow, b.groupCommitMax, b.groupCommitListener)
            : null;
  }

  /** A ledger over {@code store} with the system clock and default retries. */
  public static Ledger over(LedgerStore store) {
    return builder(store).build();
  }

  /** Starts configuring a ledger over {@code store}. */
  public static Builder builder(LedgerStore store) {
    return new Builder(store);
  }

  /** The clock the ledger judges time by. */
  public Clock clock() {
    return clock;
  }

  /** The store. */
  public LedgerStore store() {
    return store;
  }

  /**
   * Judges and applies {@code batch} in one store transaction.
   *
   * @return one result per command, in the order added
   * @throws KeyExistsException if the batch has keys ({@link LedgerBatch#withKeys}) and one of them
   *     existed: nothing was committed
   * @throws StoreException if the store failed, or conflicted more often than the retry limit; when
   *     {@link StoreException#mayHaveCommitted()} the outcome is unknown: submit the same transfer
   *     ids again to learn it
   */
  public List<CommandResult> submit(LedgerBatch batch) {
    if (Checks.notNull(batch, "batch").isEmpty()) {
      return List.of();
    }
    List<List<LedgerCommand>> groups = batch.groups();
    GroupCommitter committer = groupCommitter;
    if (!batch.keys().isEmpty()) {
      return submitNow(groups, batch.keys());
    }
    if (committer != null && batch.size() < groupCommitMax) {
      return committer.submit(groups, batch.size());
    }
    return submitNow(groups);
  }

  private List<CommandResult> submitNow(List<List<LedgerCommand>> groups) {
    return submitNow(groups, List.of());
  }

  /**
   * The first attempt does not read the batch's new transfer ids: they are almost always new, and
   * the store's unique transfer ids catch the rest (a replay, a refusal retried, a tombstoned
   * activation), which fails the write and rolls everything back. It also offers the store the
   * accounts' believed images ({@link AccountImages}), which a store may take instead of reading
   * them under lock. The attempts after that lock and read everything, and judge replays as such.
   * This saves one or two store round trips per batch.
   */
  private List<CommandResult> submitNow(List<List<LedgerCommand>> groups, List<AccountKey> keys) {
    BatchTransaction first =
        new BatchTransaction(clock, groups, false, images, keys).maxIdBalance(maxIdBalance);
    BatchTransaction retry;
    try {
      List<CommandResult> results = store.transact(first);
      first.committed();
      return results;
    } catch (RetryableStoreException e) {
      first.failed();
      retry = first.retryUnderLock(!(e instanceof BatchTransaction.Unverified));
    } catch (RuntimeException | Error e) {
      first.failed();
      throw e;
    }
    return withRetries(
        () -> {
          try {
            List<CommandResult> results = store.transact(retry);
            retry.committed();
            return results;
          } catch (RuntimeException | Error e) {
            retry.failed();
            throw e;
          }
        });
  }

  /** Stops the group-commit thread, if any; the store is the caller's to close. */
  @Override
  public void close() {
    if (groupCommitter != null) {
      groupCommitter.close();
    }
  }

  /**
   * Creates the accounts that do not exist yet.
   *
   * @return the ids of those that existed already (by id, or by ID hash) and were left unchanged
   */
  public Set<AccountId> createAccounts(List<Account> accounts) {
    List<Account> copy = Checks.elementsNotNull(accounts, "accounts");
    if (copy.isEmpty()) {
      return Set.of();
    }
    return withRetries(() -> store.transact(tx -> tx.insertAccounts(copy)));
  }

  /**
   * Creates {@code accounts} together with {@code keys}, all or nothing, in one store transaction:
   * if a key with one of the hashes exists already, nothing is created (the usual race of two
   * callers creating the same envelope or sub-ID: the loser finds the winner's key). Accounts that
   * exist already (by id or ID hash) are left unchanged, as by {@link #createAccounts}.
   *
   * @return the keys among {@code keys} whose hashes existed, as stored; empty if all were created
   */
  public Map<IdHash, AccountKey> createWithKeys(List<Account> accounts, List<AccountKey> keys) {
    List<Account> accountCopy = Checks.elementsNotNull(accounts, "accounts");
    List<AccountKey> keyCopy = Checks.elementsNotNull(keys, "keys");
    List<IdHash> hashes = new ArrayList<>(keyCopy.size());
    for (AccountKey k : keyCopy) {
      hashes.add(k.hash());
    }
    try {
      withRetries(
          () ->
              store.transact(
                  tx -> {
                    if (!tx.insertKeys(keyCopy).isEmpty()) {
                      throw new KeysExisted();
                    }
                    return accountCopy.isEmpty() ? Set.of() : tx.insertAccounts(accountCopy);
                  }));
      return Map.of();
    } catch (KeysExisted e) {
      return store.findKeys(hashes);
    }
  }

  /** The keys among {@code hashes} that exist, in one store call. See {@link AccountKey}. */
  public Map<IdHash, AccountKey> keys(Collection<IdHash> hashes) {
    List<IdHash> copy = Checks.elementsNotNull(hashes, "hashes");
    return copy.isEmpty() ? Map.of() : store.findKeys(copy);
  }

  /**
   * The images of {@code accounts} as this process last saw them committed, to plan from without a
   * read. Any of them may be stale (another process may have changed the account since), so what is
   * planned from them must be judged by {@link #submit} under lock, like any command, and a refusal
   * that staleness could explain planned again from a fresh read. Null if the ledger keeps no
   * images (over a store that does not take them, see {@link Builder#accountImages}) or lacks one
   * of them.
   */
  public @Nullable Map<AccountId, Account> lastSeen(Collection<AccountId> accounts) {
    Checks.elementsNotNull(accounts, "accounts");
    AccountImages known = images;
    return known == null ? null : known.peek(accounts);
  }

  /** The keys owned by {@code owner}, oldest first. */
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return store.keysOwnedBy(Checks.notNull(owner, "owner"));
  }

  /** Rolls back a creation whose keys existed; never leaves {@link #createWithKeys}. */
  private static final class KeysExisted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeysExisted() {
      super("a key existed already", null, false, false);
    }
  }

  /** The account with {@code id}. */
  public Optional<Account> account(AccountId id) {
    return store.findAccount(Checks.notNull(id, "id"));
  }

  /** The accounts among {@code ids} that exist, in one store call where the store can. */
  public Map<AccountId, Account> accounts(Collection<AccountId> ids) {
    List<AccountId> copy = Checks.elementsNotNull(ids, "ids");
    return copy.isEmpty() ? Map.of() : store.findAccounts(copy);
  }

  /** The ID account whose ID number hashes to {@code hash}. */
  public Optional<Account> accountByIdHash(IdHash hash) {
    Checks.notNull(hash, "hash");
    return Optional.ofNullable(store.findAccountsByIdHash(List.of(hash)).get(hash));
  }

  /** The ID accounts of the hashes among {@code hashes} that have one, in one store call. */
  public Map<IdHash, Account> accountsByIdHash(Collection<IdHash> hashes) {
    List<IdHash> copy = Checks.elementsNotNull(hashes, "hashes");
    return copy.isEmpty() ? Map.of() : store.findAccountsByIdHash(copy);
  }

  /** The transfer with {@code id}, applied or refused. */
  public Optional<Transfer> transfer(TransferId id) {
    Checks.notNull(id, "id");
    return Optional.ofNullable(
        withRetries(() -> store.transact(tx -> tx.findTransfers(List.of(id)))).get(id));
  }

  /** A page of the transfers of {@code account}, oldest first. */
  public List<Transfer> transfers(AccountId account, int offset, int limit) {
    Checks.notNull(account, "account");
    if (offset < 0 || limit < 0) {
      throw Checks.invalid(
          offset < 0 ? "offset" : "limit", Math.min(offset, limit), "must not be negative");
    }
    return store.transfersOf(account, offset, limit);
  }

  /**
   * Voids up to {@code limit} holds whose timeout has passed. Safe to run from several processes at
   * once: each hold is resolved once. Holds also expire on their own whenever their account is
   * debited, so this sweep only returns reserved value early.
   *
   * @return how many holds this call expired
   * @throws dev.idsettle.InvalidRequestException if {@code limit} is below 1
   */
  public int expireHolds(int limit) {
    if (limit < 1) {
      throw Checks.invalid("limit", limit, "must be at least 1");
    }
    List<Transfer> due = store.expiredHolds(clock.instant(), limit);
    if (due.isEmpty()) {
      return 0;
    }
    return withRetries(
        () ->
            store.transact(
                tx -> {
                  Instant now = clock.instant();
                  Set<AccountId> ids = new TreeSet<>();
                  List<TransferId> holdIds = new ArrayList<>();
                  for (Transfer hold : due) {
                    ids.add(hold.debit());
                    ids.add(hold.credit());
                    holdIds.add(hold.id());
                  }
                  Locked locked = tx.lock(ids, holdIds);
                  BatchJudge judge =
                      new BatchJudge(now, locked.accounts(), locked.transfers(), due.size());
                  judge.expireDue(locked.transfers().values());
                  Changes changes = judge.changes();
                  if (!changes.isEmpty()) {
                    tx.write(changes);
                  }
                  if (images != null) {
                    // forgotten before the commit: an image remembered meanwhile is guarded
                    images.forget(ids);
                  }
                  return changes.resolvedHolds().size();
                }));
  }

  private <T> T withRetries(Attempt<T> attempt) {
    long backoffMicros = 200;
    for (int i = 1; ; i++) {
      try {
        return attempt.run();
      } catch (RetryableStoreException e) {
        if (i >= maxAttempts) {
          throw new StoreException(
              "gave up after "
                  + i
                  + " attempts that conflicted with concurrent transactions; nothing was committed:"
                  + " retry later, or lower contention on the accounts involved",
              false,
              e);
        }
        long jittered = ThreadLocalRandom.current().nextLong(backoffMicros / 2, backoffMicros + 1);
        sleepMicros(jittered);
        backoffMicros = Math.min(backoffMicros * 2, maxBackoff.toNanos() / 1000);
      }
    }
  }

  private static void sleepMicros(long micros) {
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while backing off; nothing was committed", false, e);
    }
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T run();
  }

  /** Configures a {@link Ledger}; validated at {@link #build()}. */
  public static final class Builder {
    private final LedgerStore store;
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 20;
    private Duration maxBackoff = Duration.ofMillis(50);
    private int groupCommitMax;
    private GroupCommitListener groupCommitListener = GroupCommitListener.NONE;
    private @Nullable Long accountImages;
    private long maxIdBalance = Long.MAX_VALUE;

    private Builder(LedgerStore store) {
      this.store = Checks.settingNotNull(store, "store");
    }

    /** The clock for timeouts and expiry (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Checks.settingNotNull(clock, "clock");
      return this;
    }

    /** How many times a conflicting batch is tried in all (default 20). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The longest pause between two attempts (default 50 ms). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Checks.settingNotNull(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Turns group commit on: batches submitted concurrently are combined, up to {@code maxCommands}
     * commands, into one store transaction while the previous one commits. Worth it for a store
     * with a round trip per call (JDBC); 0 (the default) turns it off. A batch of {@code
     * maxCommands} or more commands always goes alone.
     */
    public Builder groupCommit(int maxCommands) {
      this.groupCommitMax = maxCommands;
      return this;
    }

    /**
     * Told of every store transaction group commit makes, with how many batches and commands it
     * combined (default: nobody). Used only while group commit is on.
     */
    public Builder groupCommitListener(GroupCommitListener listener) {
      this.groupCommitListener = Checks.settingNotNull(listener, "groupCommitListener");
      return this;
    }

    /**
     * How many account images to remember, to offer the store instead of a locked read (see {@link
     * dev.idsettle.spi.LedgerTx#lockOrAssume}); 0 turns this off. By default {@value
     * #DEFAULT_ACCOUNT_IMAGES} over a store that takes them ({@link
     * LedgerStore#takesBelievedImages()}), none over others.
     */
    public Builder accountImages(long count) {
      this.accountImages = count;
      return this;
    }

    /**
     * The largest posted balance of an ID account (one that must not overdraw), in minor units
     * (default: no limit). Every transfer that would credit an ID beyond it, whatever made it (an
     * activation, a capture, a merge), is refused with {@link Refusal#BALANCE_LIMIT}.
     */
    public Builder maxIdBalance(long max) {
      this.maxIdBalance = max;
      return this;
    }

    /** Builds the ledger; throws {@link InvalidConfigurationException} naming a bad setting. */
    public Ledger build() {
      if (accountImages != null && accountImages < 0) {
        throw new InvalidConfigurationException(
            "accountImages must not be negative (0 turns them off), was " + accountImages);
      }
      if (maxAttempts < 1) {
        throw new InvalidConfigurationException(
            "maxAttempts must be at least 1, was " + maxAttempts);
      }
      if (maxBackoff.isNegative() || maxBackoff.isZero()) {
        throw new InvalidConfigurationException("maxBackoff must be positive, was " + maxBackoff);
      }
      if (groupCommitMax < 0) {
        throw new InvalidConfigurationException(
            "groupCommit must not be negative, was " + groupCommitMax);
      }
      if (maxIdBalance < 1) {
        throw new InvalidConfigurationException(
            "maxIdBalance must be positive, was " + maxIdBalance);
      }
      return new Ledger(this);
    }
  }
}
