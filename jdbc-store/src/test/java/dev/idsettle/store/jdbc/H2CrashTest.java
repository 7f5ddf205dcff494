package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
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
}
