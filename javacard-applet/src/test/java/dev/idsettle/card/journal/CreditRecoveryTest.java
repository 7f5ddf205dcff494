package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.PAYEE;
import static dev.idsettle.card.journal.JournalFixture.TERMINAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.CardRefusedException;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.VerifiedReceipt;
import dev.idsettle.card.testing.SimulatedCard;
import dev.idsettle.ledger.HoldState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A credit crashes at each point between its steps; a restarted journal recovers from the card. */
class CreditRecoveryTest {

  private static final String DIGITS = "4242000011112222";
  private static final CardId ID = CardId.parse(DIGITS);

  private JournalFixture fixture;
  private SimulatedCard card;

  @BeforeEach
  void creditACard() {
    fixture = new JournalFixture();
    card = fixture.card(DIGITS);
    fixture.journal.credit(JournalFixture.client(card), TERMINAL, 1000);
  }

  @Test
  void aCompleteCreditBooksTheValueOnTheShadow() {
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
    assertThat(JournalFixture.client(card).balance().amount()).isEqualTo(1000);
    assertThat(fixture.journal.recover(JournalFixture.client(card)).nothingToDo()).isTrue();
    fixture.assertLedgerBalances(List.of(DIGITS), List.of(TERMINAL));
  }

  @Test
  void aCrashAfterTheLedgerBeforeTheCardIsReleased() {
    CreditIntent intent = fixture.journal.intend(JournalFixture.client(card), TERMINAL, 500);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
    crash();

    Recovery recovery = fixture.journal.recover(JournalFixture.client(card));

    assertThat(recovery.released()).containsExactly(intent.hold());
    assertThat(recovery.confirmed()).isEmpty();
    assertThat(holdState(intent)).isEqualTo(HoldState.VOIDED);
    assertAgree(1000);
    assertThat(fixture.journal.recover(JournalFixture.client(card)).nothingToDo()).isTrue();
  }

  @Test
  void aReleasedIntentCannotLandOnTheCardLater() {
    PurseCard session = JournalFixture.client(card);
    CreditIntent intent = fixture.journal.intend(session, TERMINAL, 500);
    fixture.restart();
    fixture.journal.recover(JournalFixture.client(card));

    assertThatThrownBy(() -> fixture.journal.load(session, intent))
        .isInstanceOf(CardRefusedException.class);
    assertAgree(1000);
  }

  @Test
  void aCrashAfterTheCardBeforeTheConfirmationIsCaptured() {
    PurseCard session = JournalFixture.client(card);
    CreditIntent intent = fixture.journal.intend(session, TERMINAL, 500);
    fixture.journal.load(session, intent);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
    crash();

    Recovery recovery = fixture.journal.recover(JournalFixture.client(card));

    assertThat(recovery.confirmed()).containsExactly(intent.hold());
    assertThat(recovery.released()).isEmpty();
    assertThat(holdState(intent)).isEqualTo(HoldState.CAPTURED);
    assertAgree(1500);
    assertThat(fixture.journal.recover(JournalFixture.client(card)).nothingToDo()).isTrue();
    assertAgree(1500);
  }

  @Test
  void aCreditAtTheSameCounterAfterAReleasedIntentGetsItsOwnHold() {
    CreditIntent released = fixture.journal.intend(JournalFixture.client(card), TERMINAL, 500);
    crash();
    fixture.journal.recover(JournalFixture.client(card));

    VerifiedReceipt receipt = fixture.journal.credit(JournalFixture.client(card), TERMINAL, 700);

    assertThat(receipt.receipt().counter()).isEqualTo(released.counter());
    assertAgree(1700);
  }

  @Test
  void aCreditTheCardRefusesIsReleasedAtOnce() {
    PurseCard session = JournalFixture.client(card);
    CreditIntent intent = fixture.journal.intend(session, TERMINAL, 0xFFFF_FFFFL);

    assertThatThrownBy(() -> fixture.journal.load(session, intent))
        .isInstanceOf(CardRefusedException.class);
    assertThat(holdState(intent)).isEqualTo(HoldState.VOIDED);
    assertAgree(1000);
  }

  @Test
  void anOlderUnconfirmedCreditIsConfirmedByItsReceiptAndItsDebitsWaitForIt() {
    PurseCard session = JournalFixture.client(card);
    CreditIntent intent = fixture.journal.intend(session, TERMINAL, 500);
    VerifiedReceipt credit = fixture.journal.load(session, intent);
    crash();
    CardReceipt debit = JournalFixture.client(card).debit(PAYEE, 1200);

    SettlementReport early = fixture.journal.settle(PAYEE, List.of(debit));
    SettlementReport late = fixture.journal.settle(PAYEE, List.of(credit.receipt(), debit));

    assertThat(early.card(ID).unfunded()).containsExactly(3L);
    assertThat(late.card(ID).settled()).containsExactly(2L, 3L);
    assertAgree(300);
  }

  @Test
  void aCardTornDuringTheCreditIsRecoveredWhicheverStateItKept() {
    int points = tearPointsOfACredit();
    for (int point = 1; point <= points; point++) {
      fixture = new JournalFixture();
      card = fixture.card(DIGITS, SimulatedCard.tearable());
      fixture.journal.credit(JournalFixture.client(card), TERMINAL, 1000);
      PurseCard session = JournalFixture.client(card);
      CreditIntent intent = fixture.journal.intend(session, TERMINAL, 500);
      card.tearAt(point);
      try {
        fixture.journal.load(session, intent);
      } catch (RuntimeException | Error torn) {
        assertThat(card.torn()).as("failure at tear point %d: %s", point, torn).isTrue();
      }
      crash();

      fixture.journal.recover(JournalFixture.client(card));

      long balance = JournalFixture.client(card).balance().amount();
      assertThat(balance).as("tear point %d", point).isIn(1000L, 1500L);
      assertAgree(balance);
    }
  }

  private int tearPointsOfACredit() {
    JournalFixture counting = new JournalFixture();
    SimulatedCard tearable = counting.card(DIGITS, SimulatedCard.tearable());
    counting.journal.credit(JournalFixture.client(tearable), TERMINAL, 1000);
    PurseCard session = JournalFixture.client(tearable);
    CreditIntent intent = counting.journal.intend(session, TERMINAL, 500);
    tearable.countTearPoints();
    counting.journal.load(session, intent);
    int points = tearable.tearPointsReached();
    assertThat(points).isGreaterThan(5);
    return points;
  }

  /** The process dies and the card leaves the reader; a new journal starts over the ledger. */
  private void crash() {
    card.powerCycle();
    fixture.restart();
  }

  private HoldState holdState(CreditIntent intent) {
    return fixture.ledger.transfer(intent.hold()).orElseThrow().holdState();
  }

  private void assertAgree(long balance) {
    assertThat(JournalFixture.client(card).balance().amount()).isEqualTo(balance);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(balance);
    fixture.assertLedgerBalances(List.of(DIGITS), List.of(TERMINAL));
  }
}
