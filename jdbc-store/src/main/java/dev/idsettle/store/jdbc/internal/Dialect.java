package dev.idsettle.store.jdbc.internal;

import dev.idsettle.store.jdbc.H2Durability;
import dev.idsettle.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases. The statements themselves are shared ({@link Sql}); a dialect
 * only names array types, says how to insert without failing on an existing key, and applies the
 * durability settings.
 */
public sealed interface Dialect permits H2Dialect, PostgresDialect {

  /** The dialect for {@code id}; {@code durability} matters for H2 only. */
  static Dialect of(SqlDialect id, H2Durability durability) {
    return switch (id) {
      case H2 -> new H2Dialect(durability);
      case POSTGRESQL -> new PostgresDialect();
    };
  }

  /** The dialect of the database {@code connection} is open on. */
  static SqlDialect detect(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if ("H2".equalsIgnoreCase(product)) {
      return SqlDialect.H2;
    }
    if (product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      return SqlDialect.POSTGRESQL;
    }
    throw new IllegalStateException(
        "the database says it is '"
            + product
            + "', which idsettle does not know: use H2 or PostgreSQL, or set the dialect"
            + " explicitly if your database speaks one of them");
  }

  /** Which dialect this is. */
  SqlDialect id();

  /** The directory of the schema files in the jar. */
  default String schemaDirectory() {
    return "dev/idsettle/store/jdbc/schema/" + id().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The element type name of a {@code BIGINT} array for {@link Connection#createArrayOf}. */
  String bigintType();

  /** The element type name of a {@code UUID} array. */
  String uuidType();

  /** The element type name of a binary array. */
  String binaryType();

  /**
   * Whether {@link Sql#INSERT_ACCOUNT} carries the dialect's "do nothing on conflict" clause, so a
   * concurrent insert of the same account is reported by a row count of 0 instead of failing.
   */
  boolean insertSkipsConflicts();

  /** The account insert statement. */
  default String insertAccount() {
    return insertSkipsConflicts()
        ? Sql.INSERT_ACCOUNT + " ON CONFLICT DO NOTHING"
        : Sql.INSERT_ACCOUNT;
  }

  /**
   * The clause that locks the rows {@link Sql#LOCK_ACCOUNTS} reads, strong enough that no other
   * transaction can change them until this one ends.
   */
  String rowLockClause();

  /**
   * Whether array parameters are bound as Java arrays ({@code setObject(i, long[])}, encoded by the
   * driver) rather than through {@link Connection#createArrayOf}.
   */
  default boolean bindsJavaArrays() {
    return false;
  }

  /**
   * Statements sent in the same round trip as, and before, the read that locks a batch's accounts
   * (each ending in {@code "; "}), or {@code ""}. Valid after {@link #prepare}.
   */
  default String beforeLock() {
    return "";
  }

  /**
   * Whether a judged batch is written with {@link Sql#WRITE_ALL} (one round trip) rather than one
   * batched statement per table; and then, when it is the transaction's last statement, sent with
   * its {@code COMMIT} in the same round trip.
   */
  boolean writesInOneStatement();

  /**
   * Whether a transaction may take the core's believed account images instead of a locked read
   * ({@link dev.idsettle.spi.LedgerTx#lockOrAssume}). Only where the guarded write is one statement
   * whose {@code UPDATE} re-checks its guard against the latest committed version of a row it had
   * to wait for (PostgreSQL at READ COMMITTED; at SERIALIZABLE such a row fails with 40001), so a
   * stale image can never overwrite a newer row.
   */
  default boolean takesBelievedImages() {
    return false;
  }

  /**
   * How many rows a transaction may change before it calls {@link #writeUncommitted}, and again
   * between two calls; {@link Integer#MAX_VALUE} where no such calls are needed. Valid after {@link
   * #prepare}.
   */
  default int rowsBetweenWrites() {
    return Integer.MAX_VALUE;
  }

  /**
   * Writes what the open transaction on {@code connection} has changed so far, so that a
   * transaction changing many rows never makes the database write on its own at a moment the
   * dialect does not control (H2: {@link H2FileCommits#writeUncommitted}). Valid after {@link
   * #prepare}.
   */
  default void writeUncommitted(Connection connection) throws SQLException {}

  /** Whether {@code e} says that a table does not exist. */
  boolean isMissingTable(SQLException e);

  /** Checks and applies the durability settings at start-up, on a connection in auto-commit. */
  void prepare(Connection connection) throws SQLException;

  /**
   * Commits the transaction on {@code connection} and returns once it is as durable as the dialect
   * promises (for H2: written to the file); {@code wroteUncommitted} says whether the transaction
   * called {@link #writeUncommitted}. Valid after {@link #prepare}.
   *
   * @throws SQLException if the commit failed (its outcome is judged by {@link Failures#onCommit})
   * @throws dev.idsettle.spi.StoreException with {@code mayHaveCommitted} if the commit succeeded
   *     but making it durable failed
   */
  default void commit(Connection connection, boolean wroteUncommitted) throws SQLException {
    connection.commit();
  }

  /**
   * Rolls the transaction on {@code connection} back; {@code wroteUncommitted} as for {@link
   * #commit}.
   */
  default void rollback(Connection connection, boolean wroteUncommitted) throws SQLException {
    connection.rollback();
  }
}
