package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A child JVM applying batches from four threads to a SQLite file is killed with SIGKILL mid-run;
 * after reopening, the invariants hold, no batch is half applied, and every confirmed batch is
 * there. Run in both durabilities (both promise to survive a killed process; a power loss cannot be
 * simulated here), through the store's own writer and through group commit.
 */
class SqliteCrashTest {

  @ParameterizedTest
  @CsvSource({"POWER_LOSS, 0", "PROCESS_CRASH, 0", "POWER_LOSS, 64"})
  void killedProcessLosesNothingItConfirmed(SqliteDurability durability, int groupCommit)
      throws Exception {
    String url = TestDatabases.newSqliteUrl("crash");
    Path log =
        CrashLog.killAfter(
            300, SqliteCrashChild.class, url, durability.name(), String.valueOf(groupCommit));

    try (HikariDataSource pool = TestDatabases.sqlitePool(url, 2)) {
      int confirmed = CrashLog.verify(JdbcStore.builder(pool).build(), log);
      System.out.printf(
          "[SQLite crash, %s, group commit %d] %d confirmed batches all present after SIGKILL%n",
          durability, groupCommit, confirmed);
      assertThat(confirmed).isGreaterThanOrEqualTo(300);
    }
  }
}
