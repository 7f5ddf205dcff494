package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.Sealer;
import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One open transaction on one connection. Each method is one round trip per statement it needs;
 * every failure is thrown as a {@link StoreException} and the caller rolls the transaction back.
 */
public final class JdbcTx implements LedgerTx {
  private final Connection connection;
  private final Lookups lookups;

  /**
   * The image the core judges every account of this transaction by (read under lock, or believed),
   * which guards its write.
   */
  private final Map<AccountId, Account> judgedBy = new HashMap<>();

  /** Whether this transaction has read accounts under lock. */
  private boolean locked;

  /** Whether the write sent the commit with it. */
  private boolean committed;

  /** Whether anything was asked of the database in this transaction yet. */
  private boolean spoke;

  /** Rows changed since the dialect last wrote what this transaction changed. */
  private int unwritten;

  /** Whether the dialect has written part of this transaction before its end. */
  private boolean wroteUncommitted;

  /** The sealer of a sealing store, or null. */
  private final @Nullable Sealer sealer;

  /** With a sealer: the chain head of each account locked (null before its first seal). */
  private final Map<AccountId, byte @Nullable []> heads = new HashMap<>();

  /** A transaction on {@code connection}, which is in manual-commit mode. */
  public JdbcTx(Connection connection, Lookups lookups) {
    this(connection, lookups, null);
  }

  /**
   * A transaction on {@code connection} that seals what it writes with {@code sealer} (if not
   * null): it then always reads accounts under lock, for their chain heads.
   */
  public JdbcTx(Connection connection, Lookups lookups, @Nullable Sealer sealer) {
    this.connection = connection;
    this.lookups = lookups;
    this.sealer = sealer;
  }

  @Override
  public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
    spoke = true;
    try {
      return lookups.transfers(connection, ids);
    } catch (SQLException e) {
      throw Failures.beforeCommit("reading transfers", e);
    }
  }

  @Override
  public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
    spoke = true;
    try {
      Map<AccountId, Account> locked = accounts.isEmpty() ? Map.of() : lockAccounts(accounts);
      return new Locked(locked, lookups.transfers(connection, transfers));
    } catch (SQLException e) {
      throw Failures.beforeCommit("locking accounts", e);
    }
  }

  /**
   * Takes the believed images when the dialect's write re-checks its guard against the latest
   * committed row ({@link Dialect#takesBelievedImages()}) and nothing else is to be read: the
   * lock's round trip is saved, and a stale image fails the write, which the core retries under
   * lock.
   */
  @Override
  public Locked lockOrAssume(
      Collection<AccountId> accounts,
      Map<AccountId, Account> believed,
      Collection<TransferId> transfers) {
    if (!lookups.dialect().takesBelievedImages()
        || sealer != null
        || !transfers.isEmpty()
        || !judgedBy.isEmpty()
        || believed.size() != accounts.size()
        || !believed.keySet().containsAll(accounts)) {
      return lock(accounts, transfers);
    }
    judgedBy.putAll(believed);
    return new Locked(believed, Map.of());
  }

  private Map<AccountId, Account> lockAccounts(Collection<AccountId> accounts) throws SQLException {
    locked = true;
    Map<AccountId, Account> found = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(lookups.lockAccounts())) {
      lookups.bindLongs(connection, ps, 1, new TreeSet<>(accounts));
      try (ResultSet rs = Rows.firstRows(ps, "the statement that locks accounts")) {
        while (rs.next()) {
          Account a = Rows.account(rs);
          found.put(a.id(), a);
          judgedBy.put(a.id(), a);
          if (sealer != null) {
            heads.put(a.id(), rs.getBytes(11));
          }
        }
      }
    }
    return found;
  }

  @Override
  public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
    spoke = true;
    try {
      return lookups.expiredHolds(connection, accounts, now);
    } catch (SQLException e) {
      throw Failures.beforeCommit("reading expired holds", e);
    }
  }

  @Override
  public Set<AccountId> insertAccounts(List<Account> accounts) {
    spoke = true;
    return new AccountInserter(connection, lookups, this::changed).insert(accounts);
  }

  @Override
  public Set<IdHash> insertKeys(List<AccountKey> keys) {
    spoke = true;
    if (keys.isEmpty()) {
      return Set.of();
    }
    Set<IdHash> existed = new AccountKeys(lookups).insert(connection, keys);
    try {
      changed(keys.size() - existed.size());
    } catch (SQLException e) {
      throw Failures.beforeCommit("writing account keys", e);
    }
    return existed;
  }

  /**
   * Counts {@code rows} changed and, every {@link Dialect#rowsBetweenWrites()} rows, lets the
   * dialect write what this transaction has changed so far. Every batched write of the transaction
   * is at most that many rows.
   */
  void changed(int rows) throws SQLException {
    unwritten += rows;
    if (unwritten >= lookups.dialect().rowsBetweenWrites()) {
      wroteUncommitted = true;
      lookups.dialect().writeUncommitted(connection);
      unwritten = 0;
    }
  }

  /** Whether part of this transaction was written before its end ({@link #changed}). */
  public boolean wroteUncommitted() {
    return wroteUncommitted;
  }

  /** Called with the number of rows a batched write changed. */
  @FunctionalInterface
  interface RowsChanged {
    void rows(int rows) throws SQLException;
  }

  @Override
  public void write(Changes changes) {
    write(changes, false);
  }

  /** Writes, and with one-statement writes commits in the same round trip. */
  @Override
  public void writeLast(Changes changes) {
    write(changes, true);
  }

  private void write(Changes judged, boolean last) {
    boolean first = !spoke;
    spoke = true;
    Sealing seals =
        sealer == null || judged.isEmpty()
            ? null
            : Sealing.of(sealer, judged, headsOf(judged.transfers()), judgedBy);
    Changes changes = seals == null ? judged : seals.changes();
    if (lookups.dialect().writesInOneStatement()) {
      // without a locked read, the settings it would have carried go with the write
      String before = locked ? "" : lookups.dialect().beforeLock();
      // the write is the transaction's last statement unless holds are to be resolved after it
      boolean commit = last && changes.resolvedHolds().isEmpty();
      committed =
          new BatchWriteStatement(
                  connection, lookups.dialect(), judgedBy, before, commit, commit && first)
              .write(changes, seals);
    } else {
      if (!changes.transfers().isEmpty()) {
        insertTransfers(changes.transfers(), seals);
      }
      if (!changes.accounts().isEmpty()) {
        updateAccounts(changes.accounts(), seals);
      }
    }
    if (!changes.resolvedHolds().isEmpty()) {
      resolveHolds(changes.resolvedHolds());
    }
  }

  /**
   * The chain heads, after locking the accounts of {@code transfers} that were not locked yet (the
   * core locks them all; a caller of the SPI might not): a transfer is chained to the heads of both
   * its accounts as they are under lock.
   */
  private Map<AccountId, byte @Nullable []> headsOf(List<Transfer> transfers) {
    Set<AccountId> missing = new TreeSet<>();
    for (Transfer t : transfers) {
      if (!judgedBy.containsKey(t.debit())) {
        missing.add(t.debit());
      }
      if (!judgedBy.containsKey(t.credit())) {
        missing.add(t.credit());
      }
    }
    if (!missing.isEmpty()) {
      try {
        lockAccounts(missing);
      } catch (SQLException e) {
        throw Failures.beforeCommit("locking the accounts of sealed transfers", e);
      }
    }
    return heads;
  }

  private void insertTransfers(List<Transfer> transfers, @Nullable Sealing seals) {
    IdentityHashMap<Transfer, Integer> index = new IdentityHashMap<>();
    for (int i = 0; seals != null && i < transfers.size(); i++) {
      index.put(transfers.get(i), i);
    }
    try {
      executeInSlices(
          Sql.INSERT_TRANSFER,
          transfers,
          (ps, t) ->
              Rows.bindInsert(
                  ps,
                  t,
                  lookups.dialect(),
                  seals == null ? null : seals.transferSeal(index.getOrDefault(t, -1))),
          null);
    } catch (SQLException e) {
      throw writeFailed(e);
    }
  }

  private void updateAccounts(List<Account> accounts, @Nullable Sealing seals) {
    try {
      executeInSlices(
          Sql.UPDATE_ACCOUNT,
          accounts,
          (ps, a) ->
              Rows.bindUpdate(
                  ps,
                  a,
                  judgedBy(judgedBy, a.id()),
                  seals == null ? null : seals.head(a.id()),
                  seals == null ? null : seals.seal(a.id())),
          (a, count) -> changedAfterLock("account " + a.id()));
      for (Account a : accounts) {
        judgedBy.put(a.id(), a);
      }
    } catch (SQLException e) {
      throw writeFailed(e);
    }
  }

  /**
   * Runs {@code sql} as JDBC batches over {@code rows}, at most {@link Dialect#rowsBetweenWrites()}
   * rows a batch: binds each row with {@code bind}, fails with {@code notOne}'s exception on the
   * first row whose count is not 1 (counts unchecked if {@code null}), and counts the rows each
   * batch changed ({@link #changed}).
   */
  private <T> void executeInSlices(
      String sql, List<T> rows, Binder<T> bind, @Nullable NotOneRow<T> notOne) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (List<T> some : Rows.slices(rows, lookups.dialect().rowsBetweenWrites())) {
        for (T row : some) {
          bind.bind(ps, row);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int i = 0; notOne != null && i < counts.length; i++) {
          if (counts[i] != 1) {
            throw notOne.failure(some.get(i), counts[i]);
          }
        }
        changed(some.size());
      }
    }
  }

  /** Binds one row of a batched statement. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  /** The failure of a batched statement that changed {@code count} rows, not 1, for {@code row}. */
  @FunctionalInterface
  private interface NotOneRow<T> {
    RuntimeException failure(T row, int count);
  }

  /**
   * Whether the transaction was committed with its write ({@link Dialect#writesInOneStatement()}):
   * then nothing may follow, and the store does not commit again.
   */
  public boolean committed() {
    return committed;
  }

  /** The image the core judged account {@code id} by. */
  static Account judgedBy(Map<AccountId, Account> judgedBy, AccountId id) {
    Account image = judgedBy.get(id);
    if (image == null) {
      throw new StoreException(
          "account "
              + id
              + " was written without being locked first (a bug in the ledger core); nothing"
              + " was committed",
          false);
    }
    return image;
  }

  /**
   * A guarded write found an account other than the core judged it: changed since its believed
   * image, or (after a locked read) a database that does not honour {@code SELECT ... FOR UPDATE}.
   */
  static RetryableStoreException changedAfterLock(String what) {
    return new RetryableStoreException(
        what
            + " changed since the image the batch was judged by (believed, or read under a lock"
            + " the database did not honour); nothing was committed");
  }

  /** A failed write: a transfer id that exists already is a conflict the core retries. */
  static StoreException writeFailed(SQLException e) {
    if (Failures.UNIQUE_VIOLATION.equals(Failures.sqlState(e))) {
      return new RetryableStoreException(
          "a transfer id exists already (a replay, or inserted by a concurrent transaction)"
              + Failures.detail(e),
          e);
    }
    return Failures.beforeCommit("writing the batch", e);
  }

  /**
   * A failed write that carried the commit: a guard that did not hold, a transfer id that exists, a
   * conflict or a constraint failed it with nothing committed; any other failure (a lost connection
   * above all) leaves the outcome unknown, as a failed commit does.
   */
  static StoreException writeAndCommitFailed(SQLException e) {
    String state = Failures.sqlState(e);
    if (Sql.GUARD_FAILED.equals(state)) {
      return changedAfterLock("an account written");
    }
    if (Failures.UNIQUE_VIOLATION.equals(state)) {
      return writeFailed(e);
    }
    return Failures.onCommit(e);
  }

  private void resolveHolds(List<Transfer> holds) {
    try {
      executeInSlices(
          Sql.RESOLVE_HOLD,
          holds,
          (ps, hold) -> {
            ps.setString(1, hold.holdState().name());
            lookups.dialect().setUuid(ps, 2, hold.id().toUuid());
          },
          (hold, count) ->
              new RetryableStoreException(
                  "hold "
                      + hold.id()
                      + " was no longer open when resolved to "
                      + hold.holdState()
                      + " (row count "
                      + count
                      + "); nothing was committed"));
    } catch (SQLException e) {
      throw Failures.beforeCommit("resolving holds", e);
    }
  }
}
