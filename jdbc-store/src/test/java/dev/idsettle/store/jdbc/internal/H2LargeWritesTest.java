package dev.idsettle.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction that changes many rows on an H2 file: H2 would write chunks on its own in the
 * middle of it, outside the lock that keeps chunks from splitting a commit, unless the store writes
 * them first ({@link H2FileCommits#writeUncommitted}).
 */
class H2LargeWritesTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  /** Enough accounts for H2 2.5.252 to write about four chunks of its own in one transaction. */
  private static final int ACCOUNTS = 30_000;

  private HikariDataSource pool;
  private JdbcStore store;
  private String path;

  @BeforeEach
  void open() throws SQLException {
    pool = TestDatabases.h2Pool(TestDatabases.newH2Url("large"), 2);
    SchemaMigrator.of(pool).migrate();
    store = JdbcStore.builder(pool).build();
    path = query(pool, "SELECT DATABASE_PATH()");
  }

  @AfterEach
  void close() {
    pool.close();
  }

  /**
   * Before its commit, every chunk H2 wrote was a checkpoint of the store's (its end is written
   * under the store's lock too: {@link H2FileCommits#endAlone}).
   */
  @Test
  void noChunkIsWrittenByH2ItselfInTheMiddleOfALargeTransaction() throws SQLException {
    long versions = version();
    long checkpoints = H2Dialect.checkpoints(path);

    long[] beforeCommit =
        store.transact(
            tx -> {
              tx.insertAccounts(accounts(ACCOUNTS));
              try {
                return new long[] {version() - versions, H2Dialect.checkpoints(path) - checkpoints};
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(beforeCommit[0])
        .as("chunks written before the commit, against checkpoints the store ran")
        .isEqualTo(beforeCommit[1]);
    assertThat(beforeCommit[1]).isEqualTo(ACCOUNTS / H2FileCommits.LARGE_WRITE_ROWS);
    assertThat(query(pool, "SELECT COUNT(*) FROM idsettle_account")).isEqualTo("" + ACCOUNTS);
  }

  /** What was written of a transaction before it rolled back is not there afterwards. */
  @Test
  void aRolledBackLargeTransactionLeavesNothingBehind() throws SQLException {
    long checkpoints = H2Dialect.checkpoints(path);

    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      tx.insertAccounts(accounts(3 * H2FileCommits.LARGE_WRITE_ROWS));
                      throw new IllegalStateException("abandoned after writing");
                    }))
        .hasMessageContaining("abandoned after writing");

    assertThat(H2Dialect.checkpoints(path) - checkpoints).isGreaterThanOrEqualTo(3);
    assertThat(query(pool, "SELECT COUNT(*) FROM idsettle_account")).isEqualTo("0");
  }

  private static List<Account> accounts(int n) {
    List<Account> accounts = new ArrayList<>(n);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < n; i++) {
      accounts.add(
          Account.issued(
              AccountId.random(),
              IdHash.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), i),
              EUR,
              ExpiryPolicy.never()));
    }
    return accounts;
  }

  private long version() throws SQLException {
    return Long.parseLong(
        query(
            pool,
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'info.CURRENT_VERSION'"));
  }

  private static String query(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
