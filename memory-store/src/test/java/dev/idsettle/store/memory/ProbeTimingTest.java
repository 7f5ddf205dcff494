package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.roles.IdSettle;
import dev.idsettle.tck.MutableClock;
import dev.idsettle.tck.ProbeTiming;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Defect 3 of issue 19 on the memory store: an authorization with an unsold ID took 2.4 to 6.4 us
 * against about 1 us for an unknown one (one measurement told them apart 95 to 98 % of the time).
 * The two distributions, sampled interleaved in one run, must not separate as they did: one
 * measurement may tell them apart at most 90 % of the time (AUC within 0.5 +- 0.4). A residual is
 * left: on a quiet machine an unsold ID still takes about 1.2 to 1.4 times as long as an unknown
 * one (AUC 0.65 to 0.73, medians 1.0 to 1.1 against 1.3 to 1.5 us), because the store builds the
 * unsold ID's account image before the role sees it is unsold; under load the noise hides it.
 */
class ProbeTimingTest {
  @Test
  void anUnsoldIdTakesAsLongAsAnUnknownOne() {
    MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Duration window = Duration.ofMinutes(1);
    IdSettle settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(key)
            .clock(clock)
            .unknownIdLimit(1_000, window)
            .build();

    ProbeTiming.Separation s = ProbeTiming.measure(settle, clock, window, 1_000, 30_000, 30_000);

    assertThat(s.auc()).as(s.toString()).isBetween(0.1, 0.9);
  }
}
