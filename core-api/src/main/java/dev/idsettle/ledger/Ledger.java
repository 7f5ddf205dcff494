package dev.idsettle.ledger;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.internal.Checks;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The double-entry ledger over a {@link LedgerStore}: judges batches of commands with every rule
 * (no overdraft of an ID, holds and their timeouts, expiry, lifecycle, idempotent transfer ids,
 * linked groups) and has the store persist the outcome in one transaction. Conflicts reported by
 * the store are retried with backoff a bounded number of times. Thread-safe.
 *
 * <p>Its commands (batches, creations, the hold sweep) are carried out by {@link LedgerCommands},
 * its reads (accounts, keys, transfers, journal pages, the images last seen) by {@link
 * LedgerReads}.
 */
public final class Ledger implements AutoCloseable {
  /**
   * How many account images the ledger remembers by default over a store that takes them ({@link
   * LedgerStore#takesBelievedImages()}): about 200 bytes each.
   */
  public static final long DEFAULT_ACCOUNT_IMAGES = 250_000;

  private final LedgerStore store;
  private final Clock clock;
  private final @Nullable GroupCommitter groupCommitter;
  private final int groupCommitMax;
  private final LedgerCommands commands;
  private final LedgerReads reads;

  private Ledger(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.groupCommitMax = b.groupCommitMax;
    long imageCount =
        b.accountImages != null
            ? b.accountImages
            : b.store.takesBelievedImages() ? DEFAULT_ACCOUNT_IMAGES : 0;
    AccountImages images = imageCount == 0 ? null : new AccountImages(imageCount);
    Retrier retrier = new Retrier(b.maxAttempts, b.maxBackoff);
    this.commands = new LedgerCommands(store, clock, images, retrier, b.maxIdBalance);
    this.reads = new LedgerReads(store, images, retrier);
    this.groupCommitter =
        b.groupCommitMax > 0
            ? new GroupCommitter(commands::submit, b.groupCommitMax, b.groupCommitListener)
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
      return commands.submit(groups, batch.keys());
    }
    if (committer != null && batch.size() < groupCommitMax) {
      return committer.submit(groups, batch.size());
    }
    return commands.submit(groups);
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
    return commands.createAccounts(accounts);
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
    return commands.createWithKeys(accounts, keys);
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
    return commands.expireHolds(limit);
  }

  /** The keys among {@code hashes} that exist, in one store call. See {@link AccountKey}. */
  public Map<IdHash, AccountKey> keys(Collection<IdHash> hashes) {
    return reads.keys(hashes);
  }

  /** The keys owned by {@code owner}, oldest first. */
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return reads.keysOwnedBy(owner);
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
    return reads.lastSeen(accounts);
  }

  /** The account with {@code id}. */
  public Optional<Account> account(AccountId id) {
    return reads.account(id);
  }

  /** The accounts among {@code ids} that exist, in one store call where the store can. */
  public Map<AccountId, Account> accounts(Collection<AccountId> ids) {
    return reads.accounts(ids);
  }

  /** The ID account whose ID number hashes to {@code hash}. */
  public Optional<Account> accountByIdHash(IdHash hash) {
    return reads.accountByIdHash(hash);
  }

  /** The ID accounts of the hashes among {@code hashes} that have one, in one store call. */
  public Map<IdHash, Account> accountsByIdHash(Collection<IdHash> hashes) {
    return reads.accountsByIdHash(hashes);
  }

  /** The transfer with {@code id}, applied or refused. */
  public Optional<Transfer> transfer(TransferId id) {
    return reads.transfer(id);
  }

  /** A page of the transfers of {@code account}, oldest first. */
  public List<Transfer> transfers(AccountId account, int offset, int limit) {
    return reads.transfers(account, offset, limit);
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
