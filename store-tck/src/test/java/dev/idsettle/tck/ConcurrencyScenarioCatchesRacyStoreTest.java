package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the concurrency scenario can fail: it must catch a store that loses updates. */
class ConcurrencyScenarioCatchesRacyStoreTest {
  private static final int MAX_ROUNDS = 20;

  /**
   * Against the racy store, the scenario reports an overdraft (within a bounded number of runs).
   */
  @Test
  void scenarioCatchesTheOverdraftOfARacyStore() {
    List<String> overdrafts = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int round = 1; round <= MAX_ROUNDS && overdrafts.isEmpty(); round++) {
      ConcurrencyScenario.Report report =
          ConcurrencyScenario.run(
              new TestOnlyRacyStore(), new ConcurrencyScenario.Settings(8, 5, 200, round));
      all.addAll(report.violations());
      report.violations().stream()
          .filter(v -> v.contains(Invariants.OVERDRAWN))
          .forEach(overdrafts::add);
    }

    assertThat(all).as("the racy store breaks the invariants").isNotEmpty();
    assertThat(overdrafts)
        .as("the scenario must catch an overdraft within %s rounds; it saw %s", MAX_ROUNDS, all)
        .isNotEmpty();
  }

  /** Against a correct store, the same scenario finds nothing. */
  @Test
  void scenarioPassesOnACorrectStore() {
    ConcurrencyScenario.Report report =
        ConcurrencyScenario.run(
            TestOnlyGlobalLockStore.create(), new ConcurrencyScenario.Settings(8, 5, 200, 1));

    assertThat(report.violations()).isEmpty();
    assertThat(report.permittedDebits()).isPositive();
  }
}
