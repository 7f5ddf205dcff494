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
 * code before the fix, medians 53 us and 1 349 us). Neither writes now. Then a residue: a found
 * index entry cost a read of its row (AUC 0.66 under load, 0.82 on a quiet machine). Now a look-up
 * of one hash that finds nothing reads, in the same statement, the row of an ID account found
 * before ({@code Sql.ACCOUNT_BY_HASH_OR_ANOTHER}): measured AUC 0.567 (medians 32.9 and 35.1 us)
 * under heavy load (load average 25 to 30); a first form that looked the other row up by a range
 * seek measured 0.106 and then 0.417 (the miss slower). On a quieter machine (load average 2 to 3,
 * in a full build) it measured 0.625 (medians 14.1 and 15.5 us), and in a later quiet full build
 * 0.769 (14.6 and 15.8 us); alone, 0.57 to 0.59: a residue of about 1.2 us remains, and it is not
 * the row's place in H2's cache (a miss reading a row found 256 look-ups before, as cold as a found
 * one, measured the same). The bound, AUC 0.5 +- 0.3, holds the residue with room for a noisier box
 * and fails the write per probe this test exists for (0.997); it does not catch the row-read
 * residue of the code before (0.82 quiet, 0.66 under load) with any margin.
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
      System.out.println("probe timing: " + s);

      assertThat(s.auc()).as(s.toString()).isBetween(0.2, 0.8);
    }
  }
}
