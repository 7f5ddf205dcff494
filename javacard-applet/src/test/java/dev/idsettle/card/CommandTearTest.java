package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.testing.SimulatedCard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tears the commands that write besides DEBIT and CREDIT (VERIFY, CHANGE PIN, BLOCK, INITIALIZE) at
 * every tear point, powers the card up again and checks that it kept the old state or the new one:
 * a PIN that is the old or the new one (the old one if the command's transaction did not commit), a
 * try counter a tear never raised, a lifecycle and balance that are old or new, and a card that
 * still works.
 */
class CommandTearTest {

  private static final String OLD_PIN = "2468";
  private static final String NEW_PIN = "97531";

  @Test
  void aChangePinTornAnywhereKeepsTheOldPinUntilItsTransactionCommits() {
    Report report = tearChangePin(SimulatedCard::tearable);

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("old PIN", "new PIN");
  }

  @Test
  void theSameTestCatchesAChangePinWithoutItsTransaction() {
    Report report = tearChangePin(SimulatedCard::tearableWithoutTransactions);

    assertThat(report.violations)
        .anyMatch(v -> v.contains("the new PIN holds though no transaction committed"));
  }

  @Test
  void aHarnessThatDoesNotRollBackTheOwnerPinWouldKeepANewPinARealCardRollsBack() {
    Report report = tearChangePin(SimulatedCard::tearableWithoutApiRollback);

    assertThat(report.violations)
        .anyMatch(v -> v.contains("the new PIN holds though no transaction committed"));
  }

  @Test
  void aWrongPinTornAnywhereNeverGivesATryBack() {
    Report report =
        tearEverywhere(
            () -> active(SimulatedCard.tearable()),
            fixture -> {
              try {
                fixture.client.verifyPin(CardFixture.PIN_PAD, "1111");
              } catch (WrongPinException expected) {
                // the untorn run ends here
              }
            },
            (fixture, before, committed) -> {
              int tries = fixture.client.status().pinTriesLeft();
              if (tries > before) {
                return violation(
                    "a torn wrong VERIFY raised the tries from " + before + " to " + tries);
              }
              fixture.client.verifyPin(CardFixture.PIN_PAD, OLD_PIN);
              return ok(tries == before ? "tries kept" : "try spent");
            });

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).contains("tries kept");
  }

  @Test
  void aBlockTornAnywhereLeavesTheCardActiveOrBlocked() {
    Report report =
        tearEverywhere(
            () -> active(SimulatedCard.tearable()),
            fixture -> {
              Challenge challenge = fixture.client.initialize();
              fixture.client.block(fixture.issuer.authorizeBlock(CardFixture.CARD_ID, challenge));
            },
            (fixture, before, committed) -> {
              Lifecycle lifecycle = fixture.client.status().lifecycle();
              if (fixture.client.balance().amount() != 1000) {
                return violation("a torn BLOCK changed the balance");
              }
              if (lifecycle == Lifecycle.ACTIVE) {
                fixture.client.verifyPin(CardFixture.PIN_PAD, OLD_PIN);
                fixture.client.debit(CardFixture.PAYEE, 1);
                return ok("active");
              }
              return lifecycle == Lifecycle.BLOCKED
                  ? ok("blocked")
                  : violation("lifecycle " + lifecycle);
            });

    assertThat(report.violations).isEmpty();
    assertThat(report.outcomes).containsExactlyInAnyOrder("active", "blocked");
  }

  @Test
  void anInitializeTornAnywhereChangesNothing() {
    Report report =
        tearEverywhere(
            () -> active(SimulatedCard.tearable()),
            fixture -> fixture.client.initialize(),
            (fixture, before, committed) -> {
              if (fixture.client.counter() != 1 || fixture.client.balance().amount() != 1000) {
                return violation("a torn INITIALIZE changed balance or counter");
              }
              fixture.credit(1);
              return ok("unchanged");
            });

    assertThat(report.violations).isEmpty();
    assertThat(report.points).isPositive();
  }

  private static Report tearChangePin(Supplier<SimulatedCard> cards) {
    return tearEverywhere(
        () -> {
          CardFixture fixture = active(cards.get());
          fixture.client.verifyPin(CardFixture.PIN_PAD, OLD_PIN);
          return fixture;
        },
        fixture -> fixture.client.changePin(CardFixture.PIN_PAD, NEW_PIN),
        (fixture, before, committed) -> {
          try {
            fixture.client.verifyPin(CardFixture.PIN_PAD, NEW_PIN);
            return committed
                ? ok("new PIN")
                : violation("the new PIN holds though no transaction committed");
          } catch (WrongPinException notNew) {
            fixture.client.verifyPin(CardFixture.PIN_PAD, OLD_PIN);
            return ok("old PIN");
          }
        });
  }

  private static CardFixture active(SimulatedCard card) {
    CardFixture fixture = CardFixture.on(card).personalised(OLD_PIN);
    fixture.credit(1000);
    fixture.reselect();
    return fixture;
  }

  /** Checks the card after one torn run. */
  private interface Check {
    Outcome after(CardFixture fixture, int triesBefore, boolean committed);
  }

  /** What a torn run left: a state the command may leave, or a violation. */
  private record Outcome(String text, boolean violation) {}

  private static Outcome ok(String text) {
    return new Outcome(text, false);
  }

  private static Outcome violation(String text) {
    return new Outcome(text, true);
  }

  private static Report tearEverywhere(
      Supplier<CardFixture> setUp, Consumer<CardFixture> command, Check check) {
    CardFixture counting = setUp.get();
    counting.card.countTearPoints();
    command.accept(counting);
    Report report = new Report(counting.card.tearPointsReached());
    for (int point = 1; point <= report.points; point++) {
      CardFixture fixture = setUp.get();
      int triesBefore = fixture.client.status().pinTriesLeft();
      boolean committed = fixture.runTorn(point, command);
      Outcome outcome = check.after(fixture, triesBefore, committed);
      if (outcome.violation()) {
        report.violations.add("tear at " + point + " of " + report.points + ": " + outcome.text());
      } else {
        report.outcomes.add(outcome.text());
      }
    }
    return report;
  }

  private static final class Report {
    final int points;
    final List<String> violations = new ArrayList<>();
    final Set<String> outcomes = new HashSet<>();

    Report(int points) {
      this.points = points;
    }
  }
}
