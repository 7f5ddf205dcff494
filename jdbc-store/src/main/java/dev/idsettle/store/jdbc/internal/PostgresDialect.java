package dev.idsettle.store.jdbc.internal;

import dev.idsettle.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
  public boolean takesBelievedImages() {
    return true;
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    return UNDEFINED_TABLE.equals(Failures.sqlState(e));
  }

  /**
   * PostgreSQL plans a prepared statement with array parameters anew at every execution: its
   * generic plan, estimated for arrays of unknown length, never looks cheaper than a custom one.
   * Planning the lock read and the write of a lone debit cost more server time than running them
   * (measured with pg_stat_statements: about 70 and 120 us against 50 and 200 us), and the plans do
   * not depend on the arrays' lengths (index look-ups by primary key). So each batch asks for the
   * cached generic plan for its own transaction only ({@code SET LOCAL}), in the round trip of its
   * lock read, or of its write when believed images spared the read; servers without the setting
   * (before PostgreSQL 12, some compatible databases) are left as they are. The write of one
   * transfer takes no arrays ({@link Sql#writeOneTransfer}), and PostgreSQL keeps its generic plan
   * by itself.
   */
  private String beforeLock = "";

  /** Durability is the server's ({@code fsync}, {@code synchronous_commit}): nothing to apply. */
  @Override
  public void prepare(Connection connection) {
    beforeLock =
        hasPlanCacheMode(connection) ? "SET LOCAL plan_cache_mode = force_generic_plan; " : "";
  }

  private static boolean hasPlanCacheMode(Connection connection) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('plan_cache_mode', true)")) {
      return rs.next() && rs.getString(1) != null;
    } catch (SQLException e) {
      // a database without current_setting's missing_ok form: keep its default planning
      return false;
    }
  }

  /** pgjdbc encodes {@code long[]} in binary without the type look-ups of createArrayOf. */
  @Override
  public void bindLongs(Connection c, PreparedStatement ps, int index, long[] values)
      throws SQLException {
    ps.setObject(index, values);
  }

  @Override
  public String beforeLock() {
    return beforeLock;
  }
}
