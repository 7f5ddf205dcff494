package dev.idsettle.store.jdbc.internal;

import dev.idsettle.spi.StoreException;
import dev.idsettle.store.jdbc.H2Durability;
import dev.idsettle.store.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** H2 2.x. */
final class H2Dialect implements Dialect {
  /** Table or view not found (plain, with candidates, in an empty database). */
  private static final Set<Integer> MISSING_TABLE_CODES = Set.of(42102, 42103, 42104);

  private final H2Durability durability;

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
  public boolean insertSkipsConflicts() {
    return false;
  }

  @Override
  public boolean isMissingTable(SQLException e) {
    return MISSING_TABLE_CODES.contains(e.getErrorCode());
  }

  @Override
  public void prepare(Connection connection) throws SQLException {
    if (durability == H2Durability.AS_CONFIGURED) {
      return;
    }
    try (Statement s = connection.createStatement()) {
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
