package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.ended;
import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Outcome;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The durable part on PostgreSQL (fsync and synchronous_commit on, checked): a call cut at zero,
 * and a host gone mid-call whose successor over the same database releases the hold at its timeout,
 * charging only what was confirmed.
 */
class PostgresCallsTest {
  static EmbeddedPostgres server;

  @BeforeAll
  static void start() throws Exception {
    Path dir =
        Path.of(System.getProperty("idsettle.test.dir", "target/test-db"))
            .resolve("pg-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(dir);
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW fsync")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("on");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  @Test
  void aCallCutAtZeroAndAHostGoneMidCall() {
    IdNumber cut;
    IdNumber crashed;
    Instant crashAt;
    try (HikariDataSource pool = pool()) {
      SchemaMigrator.of(pool).migrate();
      try (CallFixture f =
          new CallFixture(JdbcStore.builder(pool).build(), FailureHandling.terminate())) {
        cut = f.newId(50);
        granted(f.calls.dial("pg-1", "0800", cut, CallFixture.FRANCE));
        granted(f.calls.report("pg-1", 1, 60));
        granted(f.calls.report("pg-1", 2, 120));
        ended(f.calls.report("pg-1", 3, 126), Outcome.CUT_AT_ZERO);
        crashed = f.newId(1000);
        granted(f.calls.dial("pg-2", "0800", crashed, CallFixture.FRANCE));
        granted(f.calls.report("pg-2", 1, 60));
        crashAt = f.clock.instant();
      }
    }
    try (HikariDataSource pool = pool();
        CallFixture f =
            new CallFixture(JdbcStore.builder(pool).build(), FailureHandling.terminate())) {
      assertThat(f.account(cut).posted()).isZero();
      assertThat(f.account(crashed).reserved()).isEqualTo(21);
      f.clock.set(crashAt.plus(Duration.ofMinutes(3)));
      f.engine.supervise();
      assertThat(f.account(crashed).reserved()).isZero();
      assertThat(f.account(crashed).posted()).isEqualTo(1000 - 26);
      assertThat(f.revenue()).isEqualTo(50 + 26);
    }
  }
}
