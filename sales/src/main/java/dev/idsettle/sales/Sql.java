package dev.idsettle.sales;

import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Auto-committed statements over a data source; SQL failures become {@link StoreException}. */
final class Sql {
  interface Work<T> {
    T run() throws SQLException;
  }

  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> T run(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("sales records: " + e.getMessage(), true, e);
    }
  }

  int update(String statement, @Nullable Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement p = c.prepareStatement(statement)) {
      bind(p, args);
      return p.executeUpdate();
    }
  }

  /** Like {@link #update}, but a unique-key violation counts as nothing written. */
  int updateOrDuplicate(String statement, @Nullable Object... args) throws SQLException {
    try {
      return update(statement, args);
    } catch (SQLException e) {
      if (isDuplicate(e)) {
        return 0;
      }
      throw e;
    }
  }

  <T> List<T> query(String statement, Row<T> row, @Nullable Object... args) {
    return run(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement p = c.prepareStatement(statement)) {
            bind(p, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(row.map(rs));
              }
            }
            return out;
          }
        });
  }

  private static void bind(PreparedStatement p, @Nullable Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  /** SQLSTATE 23505 (H2, PostgreSQL) or SQLite's constraint error codes. */
  static boolean isDuplicate(SQLException e) {
    String state = e.getSQLState();
    if ("23505".equals(state)) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
        || message.contains("SQLITE_CONSTRAINT_UNIQUE");
  }
}
