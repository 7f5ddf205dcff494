package dev.idsettle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * The raw-JDBC baseline: its own two tables in the benchmark's database and, per debit, only the
 * minimal statements: one conditional {@code UPDATE ... SET balance = balance - ? WHERE id = ? AND
 * balance >= ?} (row count checked), one {@code INSERT} of the transfer, one commit; or 50 debits
 * of that kind in one transaction ({@link Session#debitAll}).
 */
final class RawDebits {
  /** The conditional debit: amount, account, amount; one row if the balance covered it. */
  static final String UPDATE =
      "UPDATE bench_account SET balance = balance - ? WHERE id = ? AND balance >= ?";

  /** The transfer: id, account, amount. */
  static final String INSERT = "INSERT INTO bench_transfer (id, account, amount) VALUES (?, ?, ?)";

  private RawDebits() {}

  /** Creates the tables and {@code accounts} accounts with ids 0.. and {@code balance} each. */
  static void create(DataSource ds, int accounts, long balance) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE bench_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL"
              + " CHECK (balance >= 0))");
      s.execute(
          "CREATE TABLE bench_transfer (id VARCHAR(64) PRIMARY KEY,"
              + " account BIGINT NOT NULL REFERENCES bench_account (id), amount BIGINT NOT NULL)");
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO bench_account (id, balance) VALUES (?, ?)")) {
        for (int i = 0; i < accounts; i++) {
          insert.setLong(1, i);
          insert.setLong(2, balance);
          insert.addBatch();
          if (i % 5_000 == 4_999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One thread's connection and statements; not thread-safe. */
  static final class Session implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement update;
    private final PreparedStatement insert;

    Session(DataSource ds) throws SQLException {
      connection = ds.getConnection();
      connection.setAutoCommit(false);
      update = connection.prepareStatement(UPDATE);
      insert = connection.prepareStatement(INSERT);
    }

    /** Debits {@code amount} from {@code account}; false (rolled back) if it did not cover it. */
    boolean debit(long account, long amount, String transferId) throws SQLException {
      update.setLong(1, amount);
      update.setLong(2, account);
      update.setLong(3, amount);
      if (update.executeUpdate() != 1) {
        connection.rollback();
        return false;
      }
      insert.setString(1, transferId);
      insert.setLong(2, account);
      insert.setLong(3, amount);
      insert.executeUpdate();
      connection.commit();
      return true;
    }

    /**
     * Debits {@code amount} from each of {@code accounts} in one transaction, the shape of the
     * library's batches: the conditional {@code UPDATE}s sent as one JDBC batch (in account order,
     * so that concurrent batches cannot deadlock), then the {@code INSERT}s of those that held as a
     * second batch, then one commit.
     *
     * @return how many of the debits were applied
     */
    int debitAll(long[] accounts, long amount, String[] transferIds) throws SQLException {
      long[] sorted = accounts.clone();
      Arrays.sort(sorted);
      for (long account : sorted) {
        update.setLong(1, amount);
        update.setLong(2, account);
        update.setLong(3, amount);
        update.addBatch();
      }
      int[] updated = update.executeBatch();
      int applied = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (updated[i] == 1) {
          insert.setString(1, transferIds[i]);
          insert.setLong(2, sorted[i]);
          insert.setLong(3, amount);
          insert.addBatch();
          applied++;
        }
      }
      insert.executeBatch();
      connection.commit();
      return applied;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
