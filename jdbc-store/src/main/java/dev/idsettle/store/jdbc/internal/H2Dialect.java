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
   * One commit lock per database file in this JVM, shared by every store over it. H2 2.x (checked
   * on 2.5.252) writes a chunk to the file on the committing thread when {@code WRITE_DELAY} is 0,
   * and that write does not wait for other sessions' commits in progress: a chunk written while
   * another transaction is half way through its commit can hold part of that commit, and after a
   * killed process H2 then recovers that transaction half applied, or skips writing a commit it
   * believes the other chunk already holds and loses it. Serializing commit and checkpoint closes
   * that window.
   */
  private static final ConcurrentMap<String, Lock> COMMIT_LOCKS = new ConcurrentHashMap<>();

  private final H2Durability durability;
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
      if (path != null) {
        commitLock = COMMIT_LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
      }
      if (durability == H2Durability.AS_CONFIGURED) {
        return;
      }
      if (writeDelay(s) != 0) {
        try {
          s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
          throw new StoreException(
              "H2's WRITE_DELAY is not 0, so commits already confirmed would be lost if the process"
                  + " were killed, and setting it failed ("
                  + e.getMessage()
                  + "): add ;WRITE_DELAY=0 to the JDBC URL, connect as an admin user, or choose"
                  + " h2Durability(AS_CONFIGURED) to accept the risk",
              false,
              e);
        }
      }
    }
  }

  /** The database file without its extension, or null for an in-memory database. */
  private static @Nullable String databasePath(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT DATABASE_PATH()")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override
  public @Nullable Lock commitLock() {
    return commitLock;
  }

  private static int writeDelay(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : -1;
    }
  }

  @Override
  public void afterCommit(Connection connection) throws SQLException {
    if (durability == H2Durability.POWER_LOSS) {
      try (Statement s = connection.createStatement()) {
        s.execute("CHECKPOINT SYNC");
      }
    }
  }
}
