package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL layer on a real, durable PostgreSQL. */
class PostgresStoreTest extends JdbcStoreContractBase {
  static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = TestDatabases.newPostgresPool(4);
    SchemaMigrator.of(pool).migrate();
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  JdbcStore store() {
    return JdbcStore.builder(pool).build();
  }

  /**
   * The store's first statement in a transaction (the lock read, or the write when the core's
   * believed images spare the read) asks for cached generic plans (PostgreSQL would otherwise plan
   * every execution anew), and only inside the store's own transactions: the pooled connection,
   * which the user may share, keeps its setting.
   */
  @Test
  void batchesUseCachedPlansWithoutChangingTheConnection() throws SQLException {
    AccountId id = f.activeIds(1, 1_000).get(0);
    try (HikariDataSource one = TestDatabases.postgresPool(pool.getJdbcUrl(), 1)) {
      Ledger onOne = Ledger.builder(JdbcStore.builder(one).build()).clock(clock).build();
      for (int i = 0; i < 20; i++) {
        assertThat(onOne.submit(LedgerBatch.create().add(f.debit(id, 1))).get(0).applied())
            .isTrue();
      }
      try (Connection c = one.getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SHOW plan_cache_mode")).isEqualTo("auto");

        // the driver prepares a statement on the server from its fifth execution on
        String plans =
            single(
                s,
                "SELECT sum(generic_plans) || ' generic, ' || sum(custom_plans) || ' custom'"
                    + " FROM pg_prepared_statements"
                    + " WHERE statement LIKE '%FOR NO KEY UPDATE' OR statement LIKE '%WITH t AS%'");
        // the first debit reads under lock; the 19 after it are judged by the image it left, and
        // their write carries the setting itself: prepared from its fifth execution, 15 plans
        assertThat(plans).isEqualTo("15 generic, 0 custom");
      }
    }
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(980);
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }

  /** PostgreSQL takes the ledger's believed account images. */
  @Test
  void postgresTakesBelievedImages() {
    assertThat(store.takesBelievedImages()).isTrue();
  }
}
