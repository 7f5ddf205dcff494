package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.sales.CheckResult.NotShown;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An unknown token, a locked token and a wrong PIN take the same time: measured, not assumed.
 * Samples of the three are interleaved (so load on the machine falls on all three alike) and their
 * medians compared. The PIN hash (4 MiB Argon2id, some milliseconds) dominates a check; a desk that
 * skipped it for an unknown token would answer a thousand times faster, so the generous bound
 * (medians within a factor of two) still catches it without failing on a busy machine.
 */
class CheckTimingTest {
  @Test
  void unknownLockedAndWrongTakeTheSameTime() {
    Shop shop =
        new Shop(
            MemoryStore.create(),
            SimulatedBank.create(Shop.EUR, 0),
            MemorySaleRecords.create(),
            b -> b.pinCost(new PinCost(4096, 1, 1)).pinLockout(100, Duration.ofHours(1)));
    shop.desk.stock("talk-20", 2);
    String wrong = purchased(shop.desk.purchase(Shop.alice("o-1", "talk-20"))).checkToken();
    String locked = purchased(shop.desk.purchase(Shop.alice("o-2", "talk-20"))).checkToken();
    for (int i = 0; i < 100; i++) {
      shop.desk.check(locked, "0000");
    }
    List<Supplier<CheckResult>> kinds =
        List.of(
            () -> shop.desk.check("unknown-token-unknown-token-unknown-tok", "1234"),
            () -> shop.desk.check(locked, "4321"),
            () -> shop.desk.check(wrong, "1234"));
    long[][] samples = new long[3][30];
    for (int i = -10; i < 30; i++) {
      for (int k = 0; k < 3; k++) {
        long start = System.nanoTime();
        CheckResult r = kinds.get(k).get();
        long took = System.nanoTime() - start;
        assertThat(r).isSameAs(NotShown.INSTANCE);
        if (i >= 0) {
          samples[k][i] = took;
        }
      }
    }
    List<Long> medians = new ArrayList<>();
    for (long[] s : samples) {
      Arrays.sort(s);
      medians.add(s[s.length / 2]);
    }
    double unknownRatio = (double) medians.get(0) / medians.get(2);
    double lockedRatio = (double) medians.get(1) / medians.get(2);
    System.out.printf(
        "check medians (us): unknown %d, locked %d, wrong %d%n",
        medians.get(0) / 1000, medians.get(1) / 1000, medians.get(2) / 1000);
    assertThat(unknownRatio).as("unknown / wrong median time").isBetween(0.5, 2.0);
    assertThat(lockedRatio).as("locked / wrong median time").isBetween(0.5, 2.0);
  }
}
