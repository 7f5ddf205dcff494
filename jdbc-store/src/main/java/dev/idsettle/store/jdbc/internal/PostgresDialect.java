package dev.idsettle.store.jdbc.internal;

import dev.idsettle.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL, and databases that speak its dialect. */
final class PostgresDialect implements Dialect {
  /** undefined_table. */
  private static final String UNDEFINED_TABLE = "42P01";

  @Override
  public SqlDialect id() {
    return SqlDialect.POSTGRESQL;
  }

  @Override
  public String bigintType() {
    return "int8";
  }

  @Override
  public String uuidType() {
    return "uuid";
  }

  @Override
  public String binaryType() {
    return "bytea";
  }

  @Override
  public boolean insertSkipsConflicts() {
    return true;
  }

  /**
   * Not {@code FOR UPDATE}: that mode also blocks the key-share locks that the foreign keys of
   * every concurrent transfer insert take on the same accounts, while the store only changes
   * non-key columns.
   */
  @Override
  public String rowLockClause() {
    return "FOR NO KEY UPDATE";
  }

  @Override
  public boolean writesInOneStatement() {
    return true;
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    return UNDEFINED_TABLE.equals(Failures.sqlState(e));
  }

  /** Durability is the server's ({@code fsync}, {@code synchronous_commit}): nothing to apply. */
  @Override
  public void prepare(Connection connection) {}
}
