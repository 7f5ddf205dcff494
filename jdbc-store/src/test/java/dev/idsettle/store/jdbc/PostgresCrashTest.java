package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Backends are terminated (pg_terminate_backend) while four threads apply batches: failed batches
 * leave nothing half applied, and every confirmed batch is there. A negative control runs the same
 * through connections that acknowledge a commit before it happens, which the check must catch.
 */
class PostgresCrashTest {

  @Test
  void terminatedBackendsLeaveNoHalfAppliedBatch() throws Exception {
    try (HikariDataSource pool = TestDatabases.newPostgresPool(4)) {
      Run run = runWhileTerminating(pool, pool);
      int confirmed = CrashLog.verify(JdbcStore.builder(pool).build(), run.log());
      System.out.printf(
          "[PostgreSQL crash] %d backends terminated, %d batches failed, %d confirmed and present%n",
          run.killed(), run.failures(), confirmed);
      assertThat(run.failures()).as("batches hit by a terminated backend").isPositive();
      assertThat(confirmed).isPositive();
    }
  }

  @Test
  void theSameRunCatchesAStoreThatAcknowledgesBeforeItCommits() throws Exception {
    EarlyAcknowledgement early = new EarlyAcknowledgement();
    try (HikariDataSource pool = TestDatabases.newPostgresPool(12)) {
      Run run;
      try {
        run = runWhileTerminating(pool, new WrappingDataSource(pool, early::wrap));
      } finally {
        early.awaitCommits();
      }
      assertThat(early.lost()).as("deferred commits that failed").isPositive();
      assertThatThrownBy(() -> CrashLog.verify(JdbcStore.builder(pool).build(), run.log()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("confirmed batch")
          .hasMessageContaining("survived");
      System.out.printf(
          "[PostgreSQL crash, early acknowledgement] %d backends terminated, %d commits lost after"
              + " they were acknowledged: caught%n",
          run.killed(), early.lost());
    }
  }

  private record Run(Path log, int killed, int failures) {}

  /**
   * Four threads apply batches through a store over {@code dataSource} for six seconds while the
   * backends of {@code pool}'s database are terminated every 15 ms.
   */
  private static Run runWhileTerminating(HikariDataSource pool, DataSource dataSource)
      throws Exception {
    Path log = TestDatabases.DIR.resolve("pg-crash-" + TestDatabases.shortId() + ".log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "");
    AtomicInteger failures = new AtomicInteger();
    int killed = 0;
    SchemaMigrator.of(pool).migrate();
    // the accounts are set up through the pool itself: only the batches go through dataSource
    Fixture f = new Fixture(Ledger.over(JdbcStore.builder(pool).build()));
    List<AccountId> ids = f.activeIds(10, 1_000_000);
    Ledger ledger = Ledger.over(JdbcStore.builder(dataSource).build());
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
            killed++;
          }
        }
      }
    } finally {
      stop.set(true);
      for (Thread w : workers) {
        w.join();
      }
    }
    return new Run(log, killed, failures.get());
  }
}
