package dev.idsettle.store.jdbc;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import dev.idsettle.spi.Sealer;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import dev.idsettle.store.jdbc.internal.AccountKeys;
import dev.idsettle.store.jdbc.internal.Dialect;
import dev.idsettle.store.jdbc.internal.Failures;
import dev.idsettle.store.jdbc.internal.JdbcTx;
import dev.idsettle.store.jdbc.internal.Lookups;
import dev.idsettle.store.jdbc.internal.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The ledger in a SQL database, over a {@link DataSource} you supply and keep (the store never
 * closes it; use a pool such as HikariCP). Each {@link #transact} is one database transaction: the
 * accounts it changes are locked with {@code SELECT ... FOR UPDATE} in id order (on PostgreSQL, or
 * taken as the ledger believes them and updated only if they still are: {@link
 * dev.idsettle.spi.LedgerTx#lockOrAssume}), the writes are batched, and the database's own
 * constraints (unique transfer ids and ID hashes, no negative available balance on an ID) back the
 * ledger's rules. Conflicts (SQLSTATE 40001, 40P01, a transfer id inserted concurrently, an account
 * changed since the image it was judged by) are thrown as {@link RetryableStoreException}, which
 * the ledger retries.
 *
 * <pre>{@code
 * SchemaMigrator.of(dataSource).migrate();
 * JdbcStore store = JdbcStore.builder(dataSource).build();
 * Ledger ledger = Ledger.over(store);
 * }</pre>
 *
 * <p>On SQLite ({@code jdbc:sqlite:/path/to/ledger.db}, the embedded default) the store puts the
 * file in WAL mode and gives every transaction {@code BEGIN IMMEDIATE}, so transactions are
 * serializable and need no row locks. SQLite has one writer per file: the transactions of every
 * store of this JVM on one file queue for it on one fair lock, in arrival order, so no caller
 * starves, while the reads outside transactions ({@link #findAccount} and the other look-ups) run
 * beside them on other connections of the pool. With group commit ({@code
 * IdSettle.Builder.groupCommit}) the one committer thread is that writer and concurrent calls share
 * its transactions and their {@code fsync}. A store in a second process on the same file refuses to
 * start with a message that says so: writers of several processes would meet only at SQLite's own
 * lock, which does not queue them (see {@link SqliteDurability} for what a commit survives).
 *
 * <p>Thread-safe; build one per database and share it.
 */
public final class JdbcStore implements LedgerStore {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final Lookups lookups;
  private final int isolationToSet;
  private final int maxRetries;
  private final @Nullable Sealer sealer;
  private final int revenueShards;

  private JdbcStore(
      DataSource dataSource,
      Dialect dialect,
      int isolationToSet,
      int maxRetries,
      @Nullable Sealer sealer,
      int revenueShards) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.lookups = new Lookups(dialect);
    this.isolationToSet = isolationToSet;
    this.maxRetries = maxRetries;
    this.sealer = sealer;
    this.revenueShards = revenueShards;
  }

  /** Starts configuring a store over {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The dialect the store speaks. */
  public SqlDialect dialect() {
    return dialect.id();
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    Lock writer = dialect.writerLock();
    if (writer == null) {
      return transactOn(work);
    }
    writer.lock();
    try {
      return transactOn(work);
    } finally {
      writer.unlock();
    }
  }

  private <T> T transactOn(StoreWork<T> work) {
    try (Connection c = connect(dataSource)) {
      boolean autoCommit = begin(c);
      JdbcTx tx = new JdbcTx(c, lookups, sealer);
      try {
        T result = work.run(tx);
        if (!tx.committed()) {
          commit(c, tx.wroteUncommitted());
        }
        return result;
      } catch (RuntimeException | Error e) {
        if (tx.committed()) {
          // the work broke the contract that its write comes last; what it wrote is committed
          throw new StoreException(
              "the transaction was committed with its write, then the work failed: submit the"
                  + " same transfer ids again to learn what was applied",
              true,
              e);
        }
        rollbackQuietly(c, tx.wroteUncommitted(), e);
        throw e;
      } finally {
        end(c, autoCommit);
      }
    } catch (SQLException e) {
      throw Failures.beforeCommit("closing the connection", e);
    }
  }

  /** Returns the connection's previous auto-commit mode. */
  private boolean begin(Connection c) {
    try {
      return dialect.begin(c, isolationToSet);
    } catch (SQLException e) {
      throw Failures.beforeCommit("starting a transaction", e);
    }
  }

  private void commit(Connection c, boolean wroteUncommitted) {
    try {
      dialect.commit(c, wroteUncommitted);
    } catch (SQLException e) {
      throw Failures.onCommit(e);
    }
  }

  private void rollbackQuietly(Connection c, boolean wroteUncommitted, Throwable cause) {
    try {
      dialect.rollback(c, wroteUncommitted);
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void end(Connection c, boolean autoCommit) {
    try {
      if (!c.isClosed()) {
        dialect.end(c, autoCommit);
      }
    } catch (SQLException e) {
      // the connection is broken; the pool discards it
    }
  }

  /**
   * On PostgreSQL and SQLite ({@link Dialect#takesBelievedImages()}), unless the store seals: then
   * every transaction reads its accounts under lock, for their chain heads. H2 always reads under
   * lock.
   */
  @Override
  public boolean takesBelievedImages() {
    return sealer == null && dialect.takesBelievedImages();
  }

  /** The rows with their seals, when the store was built with a {@link Builder#sealingKey}. */
  @Override
  public Optional<SealedJournal> sealedJournal() {
    if (sealer == null) {
      return Optional.empty();
    }
    return journal();
  }

  /**
   * Every row, sealed or not, with the seals the rows carry (a store built without a sealing key
   * lists the seals an earlier sealing store wrote, if any).
   */
  @Override
  public Optional<SealedJournal> journal() {
    return Optional.of(
        new SealedJournal() {
          @Override
          public List<SealedAccount> accounts(long afterId, int limit) {
            return read("reading sealed accounts", c -> lookups.sealedAccounts(c, afterId, limit));
          }

          @Override
          public List<SealedTransfer> transfers(long afterPosition, int limit) {
            return read(
                "reading sealed transfers", c -> lookups.sealedTransfers(c, afterPosition, limit));
          }
        });
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    Objects.requireNonNull(id, "id");
    return read("reading account " + id, c -> lookups.account(c, id));
  }

  @Override
  public Map<AccountId, Account> findAccounts(Collection<AccountId> ids) {
    Objects.requireNonNull(ids, "ids");
    Set<AccountId> distinct = Set.copyOf(ids);
    return read("reading accounts", c -> lookups.accounts(c, distinct));
  }

  /**
   * 1 on a SQLite file made by this version (one writer: spreading revenue buys nothing and costs
   * pages per transaction); 256 on H2, PostgreSQL, and a SQLite file made by an earlier version,
   * whose revenue is already spread over 256 accounts.
   */
  @Override
  public int revenueShards() {
    return revenueShards;
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    Set<IdHash> distinct = Set.copyOf(hashes);
    return read("reading accounts by ID hash", c -> lookups.accountsByHash(c, distinct));
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    Objects.requireNonNull(hashes, "hashes");
    Set<IdHash> distinct = Set.copyOf(hashes);
    return read("reading account keys", c -> new AccountKeys(lookups).find(c, distinct));
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    Objects.requireNonNull(owner, "owner");
    return read(
        "reading the keys owned by " + owner, c -> new AccountKeys(lookups).ownedBy(c, owner));
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    Objects.requireNonNull(account, "account");
    return read(
        "reading the transfers of " + account, c -> lookups.transfersOf(c, account, offset, limit));
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    return read("reading expired holds", c -> lookups.expiredHolds(c, now, limit));
  }

  /** Runs a read-only query, retrying it up to {@code maxRetries} times on conflicts. */
  private <R> R read(String doing, Query<R> query) {
    for (int attempt = 0; ; attempt++) {
      try (Connection c = connect(dataSource)) {
        R result = query.run(c);
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return result;
      } catch (SQLException e) {
        StoreException failure = Failures.beforeCommit(doing, e);
        if (!(failure instanceof RetryableStoreException) || attempt >= maxRetries) {
          throw failure;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(1L << Math.min(attempt, 6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while retrying a read", false, e);
    }
  }

  static Connection connect(DataSource dataSource) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      if (Failures.isH2FileInUse(e)) {
        throw new StoreException(
            "the H2 database file is open in another process, and H2 lets one process at a time"
                + " use a file: run the ledger in one process that the others call, or use"
                + " PostgreSQL for several processes (H2's AUTO_SERVER mode is not supported)",
            false,
            e);
      }
      throw new StoreException(
          "cannot get a database connection from the DataSource ("
              + e.getMessage()
              + "): check its URL and credentials and that the database is running",
          false,
          e);
    }
  }

  @FunctionalInterface
  private interface Query<R> {
    R run(Connection c) throws SQLException;
  }

  /**
   * Configures a {@link JdbcStore}; {@link #build()} connects once to check the database and the
   * schema, so a bad configuration fails at start-up.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable SqlDialect dialect;
    private @Nullable Isolation isolation;
    private H2Durability h2Durability = H2Durability.PROCESS_CRASH;
    private SqliteDurability sqliteDurability = SqliteDurability.POWER_LOSS;
    private int maxRetries = 3;
    private byte @Nullable [] sealingKey;

    private Builder(DataSource dataSource) {
      this.dataSource = Settings.notNull(dataSource, "dataSource");
    }

    /** The SQL dialect; by default detected from the database's product name. */
    public Builder dialect(SqlDialect dialect) {
      this.dialect = Settings.notNull(dialect, "dialect");
      return this;
    }

    /**
     * The isolation of the store's transactions. By default the connections' own (READ COMMITTED
     * unless the pool says otherwise), which suffices: the store locks what it changes. When set
     * and different from the pool's, the store sets it on every transaction; configure the pool
     * with the same level to save that round trip.
     */
    public Builder isolation(Isolation isolation) {
      this.isolation = Settings.notNull(isolation, "isolation");
      return this;
    }

    /** What an H2 database must survive (default {@link H2Durability#PROCESS_CRASH}). */
    public Builder h2Durability(H2Durability durability) {
      this.h2Durability = Settings.notNull(durability, "h2Durability");
      return this;
    }

    /** What a SQLite database must survive (default {@link SqliteDurability#POWER_LOSS}). */
    public Builder sqliteDurability(SqliteDurability durability) {
      this.sqliteDurability = Settings.notNull(durability, "sqliteDurability");
      return this;
    }

    /**
     * How many times a read outside a transaction ({@link JdbcStore#findAccount} and the other
     * look-ups) is retried after a serialization failure (default 3). Transactions are not retried
     * here: the ledger retries them with backoff.
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Seals what the store writes with HMAC-SHA256 under {@code key} (at least 32 random bytes,
     * copied; not the issuer key, and kept out of the database): each transfer chained to the
     * previous one of each of its accounts, each account's balance fields with its chain head, so
     * that {@link dev.idsettle.audit.LedgerAudit} finds a change made behind the library's back.
     * Off by default. Once on, keep it on for the life of the ledger: rows written without a seal
     * after sealed ones are reported as tampered. Every transaction then reads its accounts under
     * lock (no believed images), and each write carries a few more bytes.
     *
     * @throws dev.idsettle.InvalidConfigurationException if the key is too short or a pattern
     */
    public Builder sealingKey(byte[] key) {
      Sealer.withKey(key);
      this.sealingKey = key.clone();
      return this;
    }

    /**
     * Connects, detects the dialect, checks the schema version and tables, and applies the H2 or
     * SQLite durability setting.
     *
     * @throws InvalidConfigurationException naming a bad setting
     * @throws StoreException if the database is unreachable or its schema is missing or of another
     *     version; the message says what to do
     */
    public JdbcStore build() {
      if (maxRetries < 0) {
        throw new InvalidConfigurationException(
            "maxRetries must not be negative, was " + maxRetries);
      }
      try (Connection c = connect(dataSource)) {
        SqlDialect id = dialect != null ? dialect : Dialect.detect(c);
        Dialect d = Dialect.of(id, h2Durability, sqliteDurability);
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit) {
          c.setAutoCommit(true);
        }
        Schema.check(c, d);
        d.prepare(c);
        int revenueShards = d.revenueShards(c);
        int pooled = c.getTransactionIsolation();
        int toSet =
            isolation == null || isolation.jdbcLevel() == pooled ? -1 : isolation.jdbcLevel();
        if (!autoCommit) {
          c.setAutoCommit(false);
        }
        byte[] key = sealingKey;
        return new JdbcStore(
            dataSource,
            d,
            toSet,
            maxRetries,
            key == null ? null : Sealer.withKey(key),
            revenueShards);
      } catch (SQLException e) {
        throw Failures.beforeCommit("checking the database at start-up", e);
      }
    }
  }
}
