package dev.idsettle.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.store.jdbc.H2Durability;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.jdbc.SqlDialect;
import dev.idsettle.store.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On H2, whose writes are batched statements rather than one guarded statement, an account update
 * is guarded by the image the batch was judged by too: a row that changed after the locked read (as
 * on a database that does not honour {@code SELECT ... FOR UPDATE}) fails the write as a conflict,
 * and the transaction changes nothing.
 */
class H2GuardedUpdateTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private HikariDataSource pool;

  @BeforeEach
  void open() throws SQLException {
    pool = TestDatabases.h2Pool(TestDatabases.newH2Url("guard"), 2);
    SchemaMigrator.of(pool).migrate();
  }

  @AfterEach
  void close() {
    pool.close();
  }

  @Test
  void anAccountChangedAfterItsLockedReadFailsTheWrite() throws SQLException {
    AccountId id = AccountId.random();
    Dialect dialect = Dialect.of(SqlDialect.H2, H2Durability.AS_CONFIGURED);
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      JdbcTx tx = new JdbcTx(c, new Lookups(dialect));
      tx.insertAccounts(List.of(Account.operator(id, EUR)));
      Account judged = tx.lock(List.of(id), List.of()).accounts().get(id);
      assertThat(judged).isNotNull();
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE idsettle_account SET posted = 7 WHERE id = " + id.value());
      }
      Account written =
          new Account(
              id,
              AccountKind.OPERATOR,
              EUR,
              AccountState.OPEN,
              5,
              0,
              ExpiryPolicy.never(),
              null,
              null);

      assertThatThrownBy(() -> tx.write(new Changes(List.of(written), List.of(), List.of())))
          .isInstanceOf(RetryableStoreException.class)
          .hasMessageContaining("account " + id)
          .hasMessageContaining("changed since the image the batch was judged by");
      c.rollback();
    }
    assertThat(count("SELECT COUNT(*) FROM idsettle_account")).isZero();
  }

  private long count(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
