package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns {@link SQLException}s into the store exceptions the ledger branches on. */
public final class Failures {
  /** Serialization failure, deadlock, lock not available. */
  private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03");

  /** H2: lock timeout (50200, state HYT00) and concurrent update of a row (90131). */
  private static final Set<Integer> H2_CONFLICT_CODES = Set.of(50200, 90131);

  /** PostgreSQL: the server shut the session; H2: connection broken, database closed. */
  private static final Set<String> LOST_STATES =
      Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");

  /** SQLSTATE of a unique-key violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  private Failures() {}

  /**
   * SQLite's result codes (sqlite-jdbc sets no SQLSTATE but names the extended code at the start of
   * the message) and the SQLSTATEs they mean here: a busy file is a conflict the ledger retries.
   */
  private static final Map<String, String> SQLITE_STATES =
      Map.of(
          "[SQLITE_CONSTRAINT_PRIMARYKEY]", UNIQUE_VIOLATION,
          "[SQLITE_CONSTRAINT_UNIQUE]", UNIQUE_VIOLATION,
          "[SQLITE_CONSTRAINT_CHECK]", "23514",
          "[SQLITE_CONSTRAINT_FOREIGNKEY]", "23503",
          "[SQLITE_CONSTRAINT_NOTNULL]", "23502",
          "[SQLITE_CONSTRAINT_DATATYPE]", "22003",
          "[SQLITE_BUSY]", "40001",
          "[SQLITE_BUSY_SNAPSHOT]", "40001");

  /**
   * The first SQLSTATE found along the exception's next-exception and cause chains, or the one that
   * stands for SQLite's result code ({@link #SQLITE_STATES}).
   */
  public static @Nullable String sqlState(SQLException e) {
    String state = declaredSqlState(e);
    return state != null ? state : sqliteState(e);
  }

  private static @Nullable String sqliteState(SQLException e) {
    String message = e.getMessage();
    if (message == null || !message.startsWith("[SQLITE_")) {
      return null;
    }
    int end = message.indexOf(']');
    return end < 0 ? null : SQLITE_STATES.get(message.substring(0, end + 1));
  }

  private static @Nullable String declaredSqlState(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          if (n.getSQLState() != null) {
            return n.getSQLState();
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Whether running the transaction again may succeed: a conflict, nothing committed. */
  public static boolean isConflict(SQLException e) {
    String state = sqlState(e);
    if (state != null && CONFLICT_STATES.contains(state)) {
      return true;
    }
    for (SQLException n = e; n != null; n = n.getNextException()) {
      if (H2_CONFLICT_CODES.contains(n.getErrorCode())) {
        return true;
      }
    }
    return false;
  }

  /** H2: "Database may be already in use" (90020): another process has the file open. */
  private static final int H2_FILE_IN_USE = 90020;

  /** Whether H2 refused to open a file that another process has open. */
  public static boolean isH2FileInUse(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == H2_FILE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  /** Whether the connection to the database was lost. */
  public static boolean isConnectionLost(SQLException e) {
    String state = sqlState(e);
    if (state != null) {
      return state.startsWith("08") || LOST_STATES.contains(state);
    }
    return e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException;
  }

  /** The exception for {@code e}, raised while {@code doing} something before the commit. */
  public static StoreException beforeCommit(String doing, SQLException e) {
    if (isConflict(e)) {
      return new RetryableStoreException(
          doing
              + " conflicted with a concurrent transaction"
              + detail(e)
              + "; nothing was committed",
          e);
    }
    if (isConnectionLost(e)) {
      return new StoreException(
          doing
              + " failed: the connection to the database was lost"
              + detail(e)
              + "; nothing was committed",
          false,
          e);
    }
    String state = sqlState(e);
    if (state != null && state.startsWith("23")) {
      return new StoreException(
          doing
              + " was refused by a constraint of the database, which backs the ledger's own rules"
              + detail(e)
              + "; nothing was committed",
          false,
          e);
    }
    return new StoreException(doing + " failed" + detail(e) + "; nothing was committed", false, e);
  }

  /** The exception for {@code e}, raised by the commit itself. */
  public static StoreException onCommit(SQLException e) {
    String state = sqlState(e);
    if (isConflict(e)) {
      return new RetryableStoreException(
          "the commit conflicted with a concurrent transaction"
              + detail(e)
              + "; nothing was committed",
          e);
    }
    if (state != null && state.startsWith("23")) {
      return new StoreException(
          "the commit was refused by a constraint of the database"
              + detail(e)
              + "; nothing was committed",
          false,
          e);
    }
    return new StoreException(
        "the commit failed and its outcome is unknown"
            + detail(e)
            + ": submit the same transfer ids again to learn whether it was applied",
        true,
        e);
  }

  static String detail(SQLException e) {
    String state = sqlState(e);
    return " (" + e.getMessage() + (state == null ? "" : ", SQLSTATE " + state) + ")";
  }
}
