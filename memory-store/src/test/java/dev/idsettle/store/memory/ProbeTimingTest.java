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
 * Then a residue: on a quiet machine an unsold ID still took 1.2 to 1.4 times as long (AUC 0.65 to
 * 0.73), because the store built the unsold ID's account image and not an unknown one's. Now a
 * look-up that finds nothing reads another ID account's image in its place ({@code
 * MemoryStore.missed}): measured AUC 0.507 (medians 2 004 and 2 024 ns) under heavy load (load
 * average 25 to 30), and 0.537 (medians 752 and 762 ns) on a quieter one (load average 2 to 3, in a
 * full build). The two distributions, sampled interleaved in one run, must stay within AUC 0.5 +-
 * 0.15: the code before measured 0.65 to 0.73 on a quiet machine (and 0.700, then 0.602, under
 * load), so the bound fails it only at the top of that range; it is set for a CI box's noise rather
 * than to catch a small residue.
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
    System.out.println("probe timing: " + s);

    assertThat(s.auc()).as(s.toString()).isBetween(0.35, 0.65);
  }
}
