package dev.idsettle.store.jdbc.internal;

import dev.idsettle.store.jdbc.H2Durability;
import dev.idsettle.store.jdbc.SqlDialect;
import dev.idsettle.store.jdbc.SqliteDurability;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the databases. The statements themselves are shared ({@link Sql}); a dialect
 * only says how a list of values is a parameter, how a UUID is a column, how to insert without
 * failing on an existing key, how a transaction begins and ends, and applies the durability
 * settings.
 */
public sealed interface Dialect permits H2Dialect, PostgresDialect, SqliteDialect {

  /** The dialect for {@code id}; {@code durability} matters for H2 only. */
  static Dialect of(SqlDialect id, H2Durability durability) {
    return of(id, durability, SqliteDurability.POWER_LOSS);
  }

  /** The dialect for {@code id}, with the durability of H2 and of SQLite. */
  static Dialect of(SqlDialect id, H2Durability h2, SqliteDurability sqlite) {
    return switch (id) {
      case H2 -> new H2Dialect(h2);
      case POSTGRESQL -> new PostgresDialect();
      case SQLITE -> new SqliteDialect(sqlite);
    };
  }

  /** The kind of the values in a list parameter ({@link #inList}). */
  enum Values {
    /** {@code BIGINT}s. */
    LONGS,
    /** UUIDs. */
    UUIDS,
    /** Byte strings. */
    BINARIES
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
    if ("SQLite".equalsIgnoreCase(product)) {
      return SqlDialect.SQLITE;
    }
    throw new IllegalStateException(
        "the database says it is '"
            + product
            + "', which idsettle does not know: use SQLite, H2 or PostgreSQL, or set the dialect"
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
   * The condition that {@code column} is one of the values of one list parameter (one {@code ?}),
   * bound with {@link #bindLongs}, {@link #bindUuids} or {@link #bindBinaries} as {@code values}
   * says.
   */
  default String inList(String column, Values values) {
    return column + " = ANY(?)";
  }

  /** Binds {@code values} as the list parameter {@code index} of {@link #inList}. */
  default void bindLongs(Connection c, PreparedStatement ps, int index, long[] values)
      throws SQLException {
    ps.setArray(index, c.createArrayOf(bigintType(), Arrays.stream(values).boxed().toArray()));
  }

  /** Binds {@code values} as the list parameter {@code index} of {@link #inList}. */
  default void bindUuids(Connection c, PreparedStatement ps, int index, UUID[] values)
      throws SQLException {
    ps.setArray(index, c.createArrayOf(uuidType(), values));
  }

  /** Binds {@code values} as the list parameter {@code index} of {@link #inList}. */
  default void bindBinaries(Connection c, PreparedStatement ps, int index, byte[][] values)
      throws SQLException {
    ps.setArray(index, c.createArrayOf(binaryType(), values));
  }

  /** Binds a UUID column's value, or SQL NULL. */
  default void setUuid(PreparedStatement ps, int index, @Nullable UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  /** Reads a UUID column, null for SQL NULL. */
  default @Nullable UUID getUuid(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, UUID.class);
  }

  /**
   * The lock that every transaction of the store holds from before it takes its connection until
   * after it gives it back, or null where the database orders concurrent writers itself.
   */
  default @Nullable Lock writerLock() {
    return null;
  }

  /**
   * Begins a transaction on {@code connection}, setting {@code isolation} first unless it is -1,
   * and returns the connection's auto-commit mode before, which {@link #end} restores.
   */
  default boolean begin(Connection connection, int isolation) throws SQLException {
    if (isolation != -1) {
      connection.setTransactionIsolation(isolation);
    }
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    return autoCommit;
  }

  /**
   * Gives the connection back its auto-commit mode from before {@link #begin}, after the
   * transaction ended.
   */
  default void end(Connection connection, boolean autoCommit) throws SQLException {
    if (connection.getAutoCommit() != autoCommit) {
      connection.setAutoCommit(autoCommit);
    }
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

  /**
   * Over how many accounts the roles spread a service's revenue in this database ({@link
   * dev.idsettle.spi.LedgerStore#revenueShards}), read at start-up on a connection in auto-commit.
   * The default: the 256 of every store where writers lock rows and run side by side.
   */
  default int revenueShards(Connection connection) throws SQLException {
    return 256;
  }

  /**
   * Runs, in the transaction that installs schema version 1 in an empty database, what marks the
   * database as made by this code (SQLite: its revenue shard count, see {@link #revenueShards}).
   */
  default void markNewDatabase(Statement statement) throws SQLException {}

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
