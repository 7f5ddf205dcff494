package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.testing.SimulatedCard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tears the card at every persistent write of a command, one run per tear point, then powers it up
 * again and checks that it kept the old state or the new one, never a mix, and still works.
 */
class TearTest {

  private static final Scenario DEBIT =
      new Scenario(
          fixture -> fixture.personalised().credit(1000),
          fixture -> fixture.client.debit(PAYEE, 250, 0x1122334455667788L));

  private static final Scenario CREDIT =
      new Scenario(fixture -> fixture.personalised().credit(1000), fixture -> fixture.credit(300));

  private static final TransportKeys CHIP =
      TransportKeys.forChip(
          IssuerKeys.fromMasterKey(CardFixture.MASTER_KEY),
          1,
          java.util.HexFormat.of().parseHex("4090a1b2c3d4e5f6"));

  @Test
  void aDebitTornAnywhereKeepsTheOldStateOrTheNew() {
    Report report = tearEverywhere(SimulatedCard::tearable, DEBIT);

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("old", "new");
    assertThat(report.points).isGreaterThan(20);
  }

  @Test
  void aCreditTornAnywhereKeepsTheOldStateOrTheNew() {
    Report report = tearEverywhere(SimulatedCard::tearable, CREDIT);

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("old", "new");
  }

  @Test
  void theSameTestCatchesAnAppletThatWritesTheBalanceOutsideATransaction() {
    Report debit = tearEverywhere(SimulatedCard::tearableWithoutTransactions, DEBIT);
    Report credit = tearEverywhere(SimulatedCard::tearableWithoutTransactions, CREDIT);

    assertThat(debit.violations).anyMatch(v -> v.contains("balance 750 with counter 1"));
    assertThat(credit.violations).anyMatch(v -> v.contains("balance 1300 with counter 1"));
  }

  @Test
  void itAlsoCatchesBalanceCopiesThatATransactionDoesNotProtect() {
    Report debit = tearEverywhere(SimulatedCard::tearableWithNonAtomicCopies, DEBIT);

    assertThat(debit.violations).anyMatch(v -> v.contains("is neither the old nor the new"));
  }

  @Test
  void withoutTheHarnessRollbackJCardSimItselfWouldLeaveTheCorrectAppletHalfWritten() {
    Report debit = tearEverywhere(SimulatedCard::tearableWithoutRollback, DEBIT);

    assertThat(debit.violations).anyMatch(v -> v.contains("balance 750 with counter 1"));
  }

  @Test
  void aPersonalisationTornAnywhereLeavesAFreshCardOrAWorkingOne() {
    Report report =
        tearPersonalisation(
            SimulatedCard::tearable, fixture -> fixture.personalised(CardFixture.PIN));

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("INSTALLED", "PERSONALISED");
  }

  @Test
  void aWrappedPersonalisationTornAnywhereLeavesAFreshCardOrAWorkingOne() {
    byte[] parameters = CHIP.installParameters(PurseCard.aid());
    Report report =
        tearPersonalisation(() -> SimulatedCard.tearable(parameters), TearTest::personaliseWrapped);

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("INSTALLED", "PERSONALISED");
    assertThat(report.points).isGreaterThan(20);
  }

  @Test
  void theSameTestCatchesAWrappedPersonalisationThatMarksTheCardPersonalisedFirst() {
    byte[] parameters = CHIP.installParameters(PurseCard.aid());
    Report report =
        tearPersonalisation(
            () -> SimulatedCard.tearableWithLifecycleFirst(parameters),
            TearTest::personaliseWrapped);

    assertThat(report.violations).anyMatch(v -> v.contains("personalised but not working"));
  }

  private static void personaliseWrapped(CardFixture fixture) {
    fixture.client.personalise(
        fixture.issuer.personalisation(CARD_ID, CardFixture.JPY, CardFixture.PIN), CHIP);
  }

  /**
   * Tears {@code personalise} at each of its tear points; afterwards the card must be installed
   * (and take the personalisation again) or personalised, and then work: the right ID, a PIN that
   * verifies, a credit and a debit.
   */
  private static Report tearPersonalisation(
      Supplier<SimulatedCard> cards, Consumer<CardFixture> personalise) {
    CardFixture counting = CardFixture.on(cards.get());
    counting.card.countTearPoints();
    personalise.accept(counting);
    Report report = new Report(counting.card.tearPointsReached());
    for (int point = 1; point <= report.points; point++) {
      CardFixture fixture = CardFixture.on(cards.get());
      fixture.runTorn(point, personalise);
      Lifecycle lifecycle = fixture.client.status().lifecycle();
      report.outcomes.add(lifecycle.name());
      try {
        if (lifecycle == Lifecycle.INSTALLED) {
          personalise.accept(fixture);
        }
        assertThat(fixture.client.cardId()).isEqualTo(CARD_ID);
        fixture.client.verifyPin(CardFixture.PIN_PAD, CardFixture.PIN);
        assertThat(fixture.credit(5).receipt().newBalance()).isEqualTo(5);
        fixture.client.verifyPin(CardFixture.PIN_PAD, CardFixture.PIN);
        fixture.client.debit(PAYEE, 2);
      } catch (CardOperationException | AssertionError e) {
        report.violations.add(
            "tear at " + point + ": " + lifecycle + ", personalised but not working: " + e);
      }
    }
    return report;
  }

  private static Report tearEverywhere(Supplier<SimulatedCard> cards, Scenario scenario) {
    CardFixture untorn = CardFixture.on(cards.get());
    scenario.setUp.accept(untorn);
    untorn.card.countTearPoints();
    scenario.run.accept(untorn);
    int points = untorn.card.tearPointsReached();
    State expected = State.of(untorn);

    Report report = new Report(points);
    for (int point = 1; point <= points; point++) {
      CardFixture fixture = CardFixture.on(cards.get());
      scenario.setUp.accept(fixture);
      State old = State.of(fixture);
      fixture.runTorn(point, scenario.run);
      Optional<String> violation = violation(fixture, old, expected);
      if (violation.isPresent()) {
        report.violations.add("tear at " + point + " of " + points + ": " + violation.get());
        continue;
      }
      State after = State.of(fixture);
      report.outcomes.add(after.sameValue(old) ? "old" : "new");
      long balance = after.balance;
      fixture.client.debit(PAYEE, 1);
      assertThat(fixture.client.balance().amount()).isEqualTo(balance - 1);
    }
    return report;
  }

  private static Optional<String> violation(CardFixture fixture, State old, State expected) {
    try {
      return State.of(fixture).violationAgainst(old, expected, fixture.issuer);
    } catch (CardOperationException e) {
      return Optional.of("the state reads back broken: " + e.getMessage());
    }
  }

  private record Scenario(Consumer<CardFixture> setUp, Consumer<CardFixture> run) {}

  private static final class Report {
    final int points;
    final List<String> violations = new ArrayList<>();
    final Set<String> outcomes = new HashSet<>();

    Report(int points) {
      this.points = points;
    }
  }

  private record State(
      long balance, long counter, Lifecycle lifecycle, Optional<CardReceipt> last) {

    static State of(CardFixture fixture) {
      PurseCard card = fixture.client;
      return new State(
          card.balance().amount(), card.counter(), card.status().lifecycle(), card.lastReceipt());
    }

    boolean sameValue(State other) {
      return balance == other.balance && counter == other.counter;
    }

    Optional<String> violationAgainst(State old, State expected, CardIssuer issuer) {
      if (!sameValue(old) && !sameValue(expected)) {
        return Optional.of(
            "balance " + balance + " with counter " + counter + " is neither the old nor the new");
      }
      if (sameValue(old) && !last.equals(old.last)) {
        return Optional.of("the old balance came back with another last receipt " + last);
      }
      CardReceipt receipt = last.orElseThrow();
      if (receipt.counter() != counter || receipt.newBalance() != balance) {
        return Optional.of("the last receipt " + receipt + " disagrees with the balance");
      }
      issuer.verify(receipt);
      return Optional.empty();
    }
  }
}
