package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Bad configuration fails at start-up with a message that says what to do. */
class StartupChecksTest {

  @Test
  void unreachableDatabase() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {1});
    ds.setConnectTimeout(2);

    assertThatThrownBy(() -> JdbcStore.builder(ds).build())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot get a database connection")
        .hasMessageContaining("check its URL");
  }

  @Test
  void missingSchemaNamesTheMigrator() {
    try (HikariDataSource pool = h2()) {
      assertThatThrownBy(() -> JdbcStore.builder(pool).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("not installed")
          .hasMessageContaining("SchemaMigrator.of(dataSource).migrate()")
          .hasMessageContaining("dev/idsettle/store/jdbc/schema/h2");
    }
  }

  @Test
  void missingSchemaOnPostgres() {
    try (HikariDataSource pool = TestDatabases.newPostgresPool(2)) {
      assertThatThrownBy(() -> JdbcStore.builder(pool).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("not installed")
          .hasMessageContaining("schema/postgresql");
    }
  }

  @Test
  void newerSchemaVersionAsksForAnUpgrade() throws SQLException {
    try (HikariDataSource pool = h2()) {
      SchemaMigrator.of(pool).migrate();
      execute(pool, "INSERT INTO idsettle_schema_version (version, description) VALUES (6, 'x')");

      assertThatThrownBy(() -> JdbcStore.builder(pool).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("version 6")
          .hasMessageContaining("upgrade idsettle-jdbc-store");
    }
  }

  @Test
  void missingTableIsReported() throws SQLException {
    try (HikariDataSource pool = h2()) {
      SchemaMigrator.of(pool).migrate();
      execute(pool, "DROP TABLE idsettle_transfer");

      assertThatThrownBy(() -> JdbcStore.builder(pool).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("a table is missing");
    }
  }

  @Test
  void migrateIsIdempotentAndAppliesThePublishedFile() throws IOException {
    try (HikariDataSource pool = h2()) {
      SchemaMigrator m = SchemaMigrator.of(pool);
      assertThat(m.installedVersion()).isZero();
      assertThat(m.migrate()).isEqualTo(5);
      assertThat(m.migrate()).isEqualTo(5);
      assertThat(m.installedVersion()).isEqualTo(SchemaMigrator.currentVersion());
    }
    for (SqlDialect d : SqlDialect.values()) {
      String dir = "/dev/idsettle/store/jdbc/schema/" + d.name().toLowerCase(Locale.ROOT) + "/";
      String[] files = {
        "V1__ledger.sql",
        "V2__transfers_without_foreign_keys.sql",
        "V3__only_the_checks_that_guard_money.sql",
        "V4__account_keys.sql",
        "V5__descriptions_and_seals.sql"
      };
      for (int v = 1; v <= files.length; v++) {
        try (InputStream in =
            Objects.requireNonNull(getClass().getResourceAsStream(dir + files[v - 1]))) {
          assertThat(SchemaMigrator.ddl(d, v))
              .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void aVersionOneDatabaseIsUpgradedAndKeepsItsLedger() throws SQLException {
    try (HikariDataSource pool = h2()) {
      for (String sql : SchemaMigrator.ddl(SqlDialect.H2, 1).split(";\\s*\\n", -1)) {
        if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
          execute(pool, sql);
        }
      }
      assertThat(SchemaMigrator.of(pool).installedVersion()).isEqualTo(1);
      assertThatThrownBy(() -> JdbcStore.builder(pool).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("at version 1 but this library needs 5");
      execute(
          pool,
          "INSERT INTO idsettle_account (id, kind, currency, state, posted, reserved, expiry)"
              + " VALUES (7, 'OPERATOR', 'EUR', 'OPEN', -5, 0, 'never')");
      execute(
          pool,
          "INSERT INTO idsettle_account (id, kind, currency, state, posted, reserved, expiry)"
              + " VALUES (8, 'OPERATOR', 'EUR', 'OPEN', 5, 0, 'never')");
      execute(
          pool,
          "INSERT INTO idsettle_transfer (id, debit_id, credit_id, amount, kind, hold_state, code,"
              + " created_ns) VALUES ('6f1c1b8e-8a8e-4b5c-9d4e-0a1b2c3d4e5f', 7, 8, 5, 'POST',"
              + " 'NONE', 'old', 0)");

      assertThat(SchemaMigrator.of(pool).migrate()).isEqualTo(SchemaMigrator.currentVersion());

      JdbcStore store = JdbcStore.builder(pool).build();
      assertThat(store.findAccount(new dev.idsettle.ledger.AccountId(7))).isPresent();
      // the version 1 transfer predates sealing: named so, not taken for tampering
      byte[] key = TamperEvidenceBase.randomKey();
      JdbcStore sealing = JdbcStore.builder(pool).sealingKey(key).build();
      try (dev.idsettle.ledger.Ledger ledger = dev.idsettle.ledger.Ledger.over(sealing)) {
        ledger.submit(
            dev.idsettle.ledger.LedgerBatch.create()
                .add(
                    dev.idsettle.ledger.LedgerCommand.post(
                        dev.idsettle.ledger.TransferId.random(),
                        new dev.idsettle.ledger.AccountId(8),
                        new dev.idsettle.ledger.AccountId(7),
                        2,
                        "new")));
      }
      dev.idsettle.audit.AuditReport report =
          dev.idsettle.audit.LedgerAudit.check(sealing, dev.idsettle.spi.Sealer.withKey(key));
      assertThat(report.tampering()).isEmpty();
      assertThat(report.unsealedTransfers()).isEqualTo(1);
      assertThat(report.findings())
          .extracting(dev.idsettle.audit.AuditFinding::kind)
          .containsExactly(
              dev.idsettle.audit.FindingKind.PREDATES_CHAIN,
              dev.idsettle.audit.FindingKind.PREDATES_CHAIN);
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                      + " WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'"
                      + " AND TABLE_NAME = 'IDSETTLE_TRANSFER'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void h2DefaultMakesCommitsSurviveAKilledProcess() throws SQLException {
    try (HikariDataSource pool = h2()) {
      SchemaMigrator.of(pool).migrate();
      JdbcStore.builder(pool).h2Durability(H2Durability.AS_CONFIGURED).build();
      assertThat(writeDelay(pool)).isEqualTo("500");

      JdbcStore.builder(pool).build();

      // H2 no longer writes on its own: the store writes every commit before confirming it
      assertThat(writeDelay(pool)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    }
  }

  @Test
  @SuppressWarnings("NullAway") // a caller without NullAway can pass null: the builder says so
  void badSettingsAreNamed() {
    JdbcDataSource ds = new JdbcDataSource();
    assertThatThrownBy(() -> JdbcStore.builder(ds).maxRetries(-1).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> JdbcStore.builder(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("dataSource must not be null");
    assertThatThrownBy(() -> JdbcStore.builder(ds).dialect(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("dialect must not be null");
    assertThatThrownBy(() -> SchemaMigrator.of(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("dataSource must not be null");
  }

  private static HikariDataSource h2() {
    return TestDatabases.h2Pool(TestDatabases.newH2Url("startup"), 2);
  }

  private static String writeDelay(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(HikariDataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
