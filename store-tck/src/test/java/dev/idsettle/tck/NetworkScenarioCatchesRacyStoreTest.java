package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the network scenario can fail: it must catch a store that loses updates. */
class NetworkScenarioCatchesRacyStoreTest {

  @Test
  void networkScenarioCatchesARacyStore() throws Exception {
    List<String> all = new ArrayList<>();
    for (int round = 1; round <= 10 && all.isEmpty(); round++) {
      LedgerFixture f =
          LedgerFixture.over(new TestOnlyRacyStore(), MutableClock.at(LedgerStoreContract.START));
      all.addAll(NetworkScenario.run(f, 8, 40, round).violations());
    }

    assertThat(all).as("the racy store breaks the network's invariants").isNotEmpty();
  }

  @Test
  void networkScenarioPassesOnACorrectStore() throws Exception {
    LedgerFixture f =
        LedgerFixture.over(
            TestOnlyGlobalLockStore.create(), MutableClock.at(LedgerStoreContract.START));

    NetworkScenario.Report report = NetworkScenario.run(f, 8, 40, 1);

    assertThat(report.violations()).isEmpty();
    assertThat(report.permits()).isPositive();
  }

  @Test
  void holderScenarioCatchesARacyStore() throws Exception {
    List<String> all = new ArrayList<>();
    for (int round = 1; round <= 10 && all.isEmpty(); round++) {
      LedgerFixture f =
          LedgerFixture.over(new TestOnlyRacyStore(), MutableClock.at(LedgerStoreContract.START));
      all.addAll(HolderScenario.run(f, 8, 30, round).violations());
    }

    assertThat(all).as("the racy store breaks the holders' invariants").isNotEmpty();
  }

  @Test
  void holderScenarioPassesOnACorrectStore() throws Exception {
    LedgerFixture f =
        LedgerFixture.over(
            TestOnlyGlobalLockStore.create(), MutableClock.at(LedgerStoreContract.START));

    HolderScenario.Report report = HolderScenario.run(f, 8, 30, 1);

    assertThat(report.violations()).isEmpty();
    assertThat(report.permits()).isPositive();
    assertThat(report.merges()).isPositive();
  }
}
