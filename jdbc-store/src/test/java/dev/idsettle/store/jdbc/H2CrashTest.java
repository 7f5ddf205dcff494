package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    Path log = TestDatabases.DIR.resolve("crash-" + TestDatabases.shortId() + ".log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2CrashChild.class.getName(),
                url,
                log.toString(),
                durability.name())
            .redirectErrorStream(true)
            .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (countDone(log) < 300 && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as("child still running when killed").isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      child.waitFor();
    }

    try (HikariDataSource pool = TestDatabases.h2Pool(url, 2)) {
      int confirmed = CrashLog.verify(JdbcStore.builder(pool).build(), log);
      System.out.printf(
          "[H2 crash, %s] %d confirmed batches all present after SIGKILL%n", durability, confirmed);
      assertThat(confirmed).isGreaterThanOrEqualTo(300);
    }
  }

  private static long countDone(Path log) throws java.io.IOException {
    return Files.readAllLines(log).stream().filter(l -> l.startsWith("DONE")).count();
  }
}
