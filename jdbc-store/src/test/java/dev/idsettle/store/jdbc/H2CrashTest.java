package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM applying batches to an H2 file database is killed with SIGKILL mid-run; after
 * reopening, the invariants hold, no batch is half applied, and every confirmed batch is there. Run
 * with each durability the store sets: {@code POWER_LOSS} writes with {@code CHECKPOINT SYNC}
 * instead, and must keep at least the guarantee of the default (a power loss itself cannot be
 * simulated here).
 */
class H2CrashTest {

  @ParameterizedTest
  @EnumSource(
      value = H2Durability.class,
      names = {"PROCESS_CRASH", "POWER_LOSS"})
  void killedProcessLosesNothingItConfirmed(H2Durability durability) throws Exception {
    String url = TestDatabases.newH2Url("crash");
    Path log = CrashLog.killAfter(300, H2CrashChild.class, url, durability.name());

    try (HikariDataSource pool = TestDatabases.h2Pool(url, 2)) {
      int confirmed = CrashLog.verify(JdbcStore.builder(pool).build(), log);
      System.out.printf(
          "[H2 crash, %s] %d confirmed batches all present after SIGKILL%n", durability, confirmed);
      assertThat(confirmed).isGreaterThanOrEqualTo(300);
    }
  }

  /**
   * The negative control: the same run on H2's own default ({@code WRITE_DELAY} 500 ms, left as it
   * is by {@code AS_CONFIGURED}) loses batches it confirmed, and the check above sees it.
   */
  @Test
  void theSameRunCatchesTheLossOfH2sDefaultWriteDelay() throws Exception {
    String url = TestDatabases.newH2Url("crash-default");
    Path log = CrashLog.killAfter(300, H2CrashChild.class, url, H2Durability.AS_CONFIGURED.name());

    try (HikariDataSource pool = TestDatabases.h2Pool(url, 2)) {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                      + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).as("the run used H2's default").isEqualTo("500");
      }
      JdbcStore reopened = JdbcStore.builder(pool).h2Durability(H2Durability.AS_CONFIGURED).build();
      assertThatThrownBy(() -> CrashLog.verify(reopened, log))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("confirmed batch")
          .hasMessageContaining("survived");
    }
  }
}
