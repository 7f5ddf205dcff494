package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.tck.MutableClock;
import dev.idsettle.tck.ProbeTiming;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Defect 3 of issue 19 on H2: an authorization with an unsold ID took 600 to 700 us against about
 * 40 us for an unknown one, because it wrote a refused transfer per probe (AUC 0.997 against the
 * code before the fix, medians 53 us and 1 349 us). Neither writes now, but H2 still reads the row
 * an index entry points to when there is one: measured at AUC 0.66 under load (medians 40 and 51
 * us) and 0.82 on a quiet machine (medians 10.6 and 12.7 us). The bound, AUC within 0.1 to 0.9,
 * fails the old code and holds this residue, which README states; the residue itself is not fixed.
 */
class H2ProbeTimingTest {
  @Test
  void anUnsoldIdTakesAsLongAsAnUnknownOne() {
    MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Duration window = Duration.ofMinutes(1);
    try (HikariDataSource pool = TestDatabases.h2Pool(TestDatabases.newH2Url("timing"), 4)) {
      SchemaMigrator.of(pool).migrate();
      IdSettle settle =
          IdSettle.builder(JdbcStore.builder(pool).build())
              .issuerKey(key)
              .clock(clock)
              .unknownIdLimit(1_000, window)
              .build();

      ProbeTiming.Separation s = ProbeTiming.measure(settle, clock, window, 1_000, 3_000, 4_000);

      assertThat(s.auc()).as(s.toString()).isBetween(0.1, 0.9);
    }
  }
}
