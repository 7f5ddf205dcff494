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
    Supplier<CardFixture> fresh = () -> CardFixture.on(SimulatedCard.tearable());
    CardFixture counting = fresh.get();
    counting.card.countTearPoints();
    counting.personalised();
    int points = counting.card.tearPointsReached();

    Set<Lifecycle> seen = new HashSet<>();
    for (int point = 1; point <= points; point++) {
      CardFixture fixture = fresh.get();
      fixture.runTorn(point, CardFixture::personalised);
      Lifecycle lifecycle = fixture.client.status().lifecycle();
      seen.add(lifecycle);
      if (lifecycle == Lifecycle.INSTALLED) {
        fixture.personalised();
      }
      assertThat(fixture.client.cardId()).as("tear at %d", point).isEqualTo(CARD_ID);
      assertThat(fixture.credit(5).receipt().newBalance()).as("tear at %d", point).isEqualTo(5);
    }
    assertThat(seen).contains(Lifecycle.INSTALLED);
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
