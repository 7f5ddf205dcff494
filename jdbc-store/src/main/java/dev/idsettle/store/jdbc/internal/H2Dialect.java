package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.StoreException;
import dev.idsettle.store.jdbc.H2Durability;
import dev.idsettle.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/** H2 2.x. */
final class H2Dialect implements Dialect {
  /** Table or view not found (plain, with candidates, in an empty database). */
  private static final Set<Integer> MISSING_TABLE_CODES = Set.of(42102, 42103, 42104);

  /**
   * The {@code WRITE_DELAY} the store sets for {@link H2Durability#PROCESS_CRASH} and {@link
   * H2Durability#POWER_LOSS}: H2 then never writes a chunk on its own in practice (its background
   * writer runs only after this long without a write, its housekeeping every third of it), and the
   * store writes its commits itself, grouped ({@link H2FileCommits}).
   */
  static final int DEFERRED_WRITE_DELAY = Integer.MAX_VALUE;

  /** Per database file in this JVM, shared by every store over it. */
  private static final ConcurrentMap<String, H2FileCommits> FILE_COMMITS =
      new ConcurrentHashMap<>();

  /**
   * One commit lock per database file, for the stores that cannot defer H2's writes (a user without
   * admin rights on a file whose {@code WRITE_DELAY} is 0) or must not ({@link
   * H2Durability#AS_CONFIGURED}): with {@code WRITE_DELAY 0} H2 writes a chunk on the committing
   * thread, and a chunk written while another transaction is half way through its commit can hold
   * part of it (see {@link H2FileCommits}). Serializing whole commits closes that window, at one
   * chunk write per transaction.
   */
  private static final ConcurrentMap<String, Lock> COMMIT_LOCKS = new ConcurrentHashMap<>();

  private final H2Durability durability;
  private @Nullable H2FileCommits fileCommits;
  private @Nullable Lock commitLock;

  H2Dialect(H2Durability durability) {
    this.durability = durability;
  }

  @Override
  public SqlDialect id() {
    return SqlDialect.H2;
  }

  @Override
  public String bigintType() {
    return "BIGINT";
  }

  @Override
  public String uuidType() {
    return "UUID";
  }

  @Override
  public String binaryType() {
    return "VARBINARY";
  }

  @Override
  public String rowLockClause() {
    return "FOR UPDATE";
  }

  /** H2 has no data-modifying CTEs, and its statements are calls within the process anyway. */
  @Override
  public boolean writesInOneStatement() {
    return false;
  }

  @Override
  public boolean insertSkipsConflicts() {
    return false;
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    return MISSING_TABLE_CODES.contains(e.getErrorCode());
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      String path = databasePath(s);
      if (path == null) {
        return; // in memory: nothing to write
      }
      if (durability == H2Durability.AS_CONFIGURED) {
        commitLock = COMMIT_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
        return;
      }
      int delay = writeDelay(s);
      if (delay != DEFERRED_WRITE_DELAY) {
        try {
          s.execute("SET WRITE_DELAY " + DEFERRED_WRITE_DELAY);
        } catch (SQLException e) {
          if (delay == 0 && durability == H2Durability.PROCESS_CRASH) {
            // no admin rights, so no CHECKPOINT either: H2 writes each commit, one at a time
            commitLock = COMMIT_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
            return;
          }
          throw new StoreException(
              "H2's WRITE_DELAY is "
                  + delay
                  + " and setting it failed ("
                  + e.getMessage()
                  + "), so commits already confirmed could be lost if the process were killed:"
                  + " connect as an admin user, add ;WRITE_DELAY=0 to the JDBC URL (slower:"
                  + " commits are then written one at a time), or choose"
                  + " h2Durability(AS_CONFIGURED) to accept the risk",
              false,
              e);
        }
      }
      fileCommits = FILE_COMMITS.computeIfAbsent(path, p -> new H2FileCommits());
    }
  }

  /** The database file without its extension, or null for an in-memory database. */
  private static @Nullable String databasePath(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static int writeDelay(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : -1;
    }
  }

  /**
   * Where the store writes H2's chunks itself; with H2 writing each commit ({@code WRITE_DELAY 0},
   * no admin rights), a large transaction can still make H2 write a chunk on its own (see README).
   */
  @Override
  public int rowsBetweenWrites() {
    return fileCommits != null ? H2FileCommits.LARGE_WRITE_ROWS : Integer.MAX_VALUE;
  }

  @Override
  public void writeUncommitted(Connection connection) throws SQLException {
    H2FileCommits group = fileCommits;
    if (group != null) {
      group.writeUncommitted(connection, checkpointStatement());
    }
  }

  private String checkpointStatement() {
    return durability == H2Durability.POWER_LOSS ? "CHECKPOINT SYNC" : "CHECKPOINT";
  }

  /** Checkpoints run on the file at {@code path} by the stores of this JVM (for tests). */
  static long checkpoints(String path) {
    H2FileCommits group = FILE_COMMITS.get(path);
    return group == null ? 0 : group.checkpoints();
  }

  /** A commit that succeeded in memory but could not be written to the file. */
  static StoreException notWritten(SQLException e) {
    return new StoreException(
        "the transaction committed, but writing it to the database file failed ("
            + e.getMessage()
            + "): it may not survive a killed process",
        true,
        e);
  }

  @Override
  public void rollback(Connection connection, boolean wroteUncommitted) throws SQLException {
    H2FileCommits group = fileCommits;
    if (group != null && wroteUncommitted) {
      group.endAlone(connection, false, checkpointStatement());
    } else {
      connection.rollback();
    }
  }

  @Override
  public void commit(Connection connection, boolean wroteUncommitted) throws SQLException {
    H2FileCommits group = fileCommits;
    if (group != null && wroteUncommitted) {
      group.endAlone(connection, true, checkpointStatement());
      return;
    }
    if (group != null) {
      long ticket = group.commit(connection);
      try {
        group.write(connection, ticket, checkpointStatement());
      } catch (SQLException e) {
        throw notWritten(e);
      }
      return;
    }
    Lock lock = commitLock;
    if (lock == null) {
      connection.commit();
      return;
    }
    lock.lock();
    try {
      connection.commit();
    } finally {
      lock.unlock();
    }
  }
}
