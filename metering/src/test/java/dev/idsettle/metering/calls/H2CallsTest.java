package dev.idsettle.metering.calls;

import static dev.idsettle.metering.calls.CallControlTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.SessionAnswer.Granted;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The durable part on an H2 file through jdbc-store: a host that goes away mid-call and a new one
 * over the same database, and calls from several threads on one ID.
 */
class H2CallsTest {
  static final Path DIR = Path.of(System.getProperty("idsettle.test.dir", "target/test-db"));

  static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  static String newUrl() {
    return "jdbc:h2:file:"
        + DIR.resolve("h2").resolve("calls-" + UUID.randomUUID()).toAbsolutePath()
        + ";WRITE_DELAY=0";
  }

  @Test
  void aHostGoneMidCallLeavesOnlyTheConfirmedUsageCharged() {
    String url = newUrl();
    IdNumber id;
    java.time.Instant crashAt;
    try (HikariDataSource pool = pool(url)) {
      SchemaMigrator.of(pool).migrate();
      try (CallFixture f =
          new CallFixture(JdbcStore.builder(pool).build(), FailureHandling.terminate())) {
        id = f.newId(1000);
        granted(f.calls.dial("c1", "0800", id, CallFixture.FRANCE));
        granted(f.calls.report("c1", 1, 60));
        assertThat(f.account(id).reserved()).isEqualTo(21);
        crashAt = f.clock.instant();
      }
    }
    try (HikariDataSource pool = pool(url);
        CallFixture f =
            new CallFixture(JdbcStore.builder(pool).build(), FailureHandling.terminate())) {
      f.clock.set(crashAt.plus(Duration.ofSeconds(179)));
      f.engine.supervise();
      assertThat(f.account(id).reserved()).isEqualTo(21);
      f.clock.set(crashAt.plus(Duration.ofMinutes(3)));
      f.engine.supervise();
      assertThat(f.account(id).reserved()).isZero();
      assertThat(f.account(id).posted()).isEqualTo(1000 - 26);
      assertThat(f.revenue()).isEqualTo(26);
    }
  }

  @Test
  void callsFromSeveralThreadsOnOneIdNeverOverspend() throws Exception {
    try (HikariDataSource pool = pool(newUrl())) {
      SchemaMigrator.of(pool).migrate();
      try (CallFixture f =
          new CallFixture(JdbcStore.builder(pool).build(), FailureHandling.terminate())) {
        IdNumber id = f.newId(300);
        Thread[] threads = new Thread[4];
        long[] charged = new long[4];
        for (int t = 0; t < threads.length; t++) {
          int thread = t;
          threads[t] =
              new Thread(
                  () -> {
                    for (int n = 0; ; n++) {
                      String call = "t" + thread + "-" + n;
                      if (!(f.calls.dial(call, "0800", id, CallFixture.FRANCE)
                          instanceof Granted)) {
                        return;
                      }
                      for (int seq = 1; f.calls.report(call, seq, seq * 45L) instanceof Granted; ) {
                        seq++;
                      }
                      charged[thread] += f.record(call).collected();
                    }
                  });
          threads[t].start();
        }
        for (Thread t : threads) {
          t.join();
        }
        long sum = charged[0] + charged[1] + charged[2] + charged[3];
        assertThat(f.account(id).posted()).isGreaterThanOrEqualTo(0).isEqualTo(300 - sum);
        assertThat(f.account(id).reserved()).isZero();
        assertThat(f.revenue()).isEqualTo(sum);
      }
    }
  }
}
