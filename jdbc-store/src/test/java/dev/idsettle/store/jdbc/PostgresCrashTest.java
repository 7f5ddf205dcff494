package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.spi.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Backends are terminated (pg_terminate_backend) while four threads apply batches: failed batches
 * leave nothing half applied, and every confirmed batch is there.
 */
class PostgresCrashTest {

  @Test
  void terminatedBackendsLeaveNoHalfAppliedBatch() throws Exception {
    Path log = TestDatabases.DIR.resolve("pg-crash-" + TestDatabases.shortId() + ".log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "");
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger killed = new AtomicInteger();
    try (HikariDataSource pool = TestDatabases.newPostgresPool(4)) {
      SchemaMigrator.of(pool).migrate();
      Ledger ledger = Ledger.over(JdbcStore.builder(pool).build());
      Fixture f = new Fixture(ledger);
      List<AccountId> ids = f.activeIds(10, 1_000_000);
      CrashLog.append(log, CrashLog.accountsLine(f, ids));
      String db = pool.getJdbcUrl().replaceAll(".*/", "").replaceAll("\\?.*", "");
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread w =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      CrashLog.submit(ledger, log, CrashLog.batch(f, ids));
                    } catch (StoreException e) {
                      failures.incrementAndGet();
                    }
                  }
                });
        w.start();
        workers.add(w);
      }
      try (Connection admin = TestDatabases.server().getPostgresDatabase().getConnection();
          PreparedStatement kill =
              admin.prepareStatement(
                  "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                      + " WHERE datname = ? AND pid <> pg_backend_pid()"
                      + " AND state IN ('active', 'idle in transaction')")) {
        kill.setString(1, db);
        long end = System.nanoTime() + 6_000_000_000L;
        while (System.nanoTime() < end) {
          Thread.sleep(15);
          try (ResultSet rs = kill.executeQuery()) {
            while (rs.next()) {
              killed.incrementAndGet();
            }
          }
        }
      } finally {
        stop.set(true);
        for (Thread w : workers) {
          w.join();
        }
      }
      int confirmed = CrashLog.verify(JdbcStore.builder(pool).build(), log);
      System.out.printf(
          "[PostgreSQL crash] %d backends terminated, %d batches failed, %d confirmed and present%n",
          killed.get(), failures.get(), confirmed);
      assertThat(failures.get()).as("batches hit by a terminated backend").isPositive();
      assertThat(confirmed).isPositive();
    }
  }
}
