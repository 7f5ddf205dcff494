package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.PAYEE;
import static dev.idsettle.card.journal.JournalFixture.TERMINAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.Mac;
import dev.idsettle.card.PurseCard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptSettlementTest {

  private static final String DIGITS = "4242123456789012";
  private static final CardId ID = CardId.parse(DIGITS);

  private JournalFixture fixture;
  private PurseCard card;

  @BeforeEach
  void creditACard() {
    fixture = new JournalFixture();
    card = JournalFixture.client(fixture.card(DIGITS));
    fixture.journal.credit(card, TERMINAL, 1000);
  }

  @Test
  void aDebitReceiptMovesItsAmountFromTheShadowToRevenue() {
    CardReceipt debit = card.debit(PAYEE, 300);

    SettlementReport report = fixture.journal.settle(PAYEE, List.of(debit));

    assertThat(report.card(ID).settled()).containsExactly(2L);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(700).isEqualTo(card.balance().amount());
    assertThat(fixture.revenue()).isEqualTo(300);
    fixture.assertLedgerBalances(List.of(DIGITS), List.of(TERMINAL));
  }

  @Test
  void aDuplicateReceiptChangesNothing() {
    CardReceipt debit = card.debit(PAYEE, 300);
    fixture.journal.settle(PAYEE, List.of(debit));

    SettlementReport again = fixture.journal.settle(PAYEE, List.of(debit, debit));

    assertThat(again.card(ID).settled()).isEmpty();
    assertThat(again.card(ID).duplicates()).containsExactly(2L, 2L);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(700);
    assertThat(fixture.revenue()).isEqualTo(300);
  }

  @Test
  void aReceiptTwiceInOneSettlementIsBookedOnce() {
    CardReceipt debit = card.debit(PAYEE, 300);

    SettlementReport report = fixture.journal.settle(PAYEE, List.of(debit, debit));

    assertThat(report.card(ID).settled()).containsExactly(2L);
    assertThat(report.card(ID).duplicates()).containsExactly(2L);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(700);
  }

  @Test
  void aForgedReceiptIsRejectedAndChangesNothing() {
    CardReceipt forged =
        new CardReceipt(
            CardReceipt.Kind.DEBIT, 1, ID, 2, 900, 100, 42, PAYEE.tag(), Mac.of(new byte[16]));

    SettlementReport report = fixture.journal.settle(PAYEE, List.of(forged));

    assertThat(report.card(ID).rejected()).extracting(Rejection::receipt).containsExactly(forged);
    assertThat(report.card(ID).settled()).isEmpty();
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
    assertThat(fixture.revenue()).isZero();
  }

  @Test
  void anAlteredReceiptIsRejectedAndTheGenuineOneStillSettles() {
    CardReceipt genuine = card.debit(PAYEE, 300);
    CardReceipt altered =
        new CardReceipt(
            genuine.kind(),
            genuine.keyVersion(),
            genuine.cardId(),
            genuine.counter(),
            3,
            genuine.newBalance(),
            genuine.nonce(),
            genuine.payee(),
            genuine.mac());

    SettlementReport first = fixture.journal.settle(PAYEE, List.of(altered));
    SettlementReport second = fixture.journal.settle(PAYEE, List.of(genuine));

    assertThat(first.rejected()).extracting(Rejection::receipt).containsExactly(altered);
    assertThat(second.card(ID).settled()).containsExactly(2L);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(700);
  }

  @Test
  void aReceiptOfAnotherCardsKeyIsRejected() {
    CardReceipt genuine = card.debit(PAYEE, 300);
    CardReceipt relabelled =
        new CardReceipt(
            genuine.kind(),
            genuine.keyVersion(),
            CardId.parse("1111"),
            genuine.counter(),
            genuine.amount(),
            genuine.newBalance(),
            genuine.nonce(),
            genuine.payee(),
            genuine.mac());

    SettlementReport report = fixture.journal.settle(PAYEE, List.of(relabelled));

    assertThat(report.card(CardId.parse("1111")).rejected()).hasSize(1);
    assertThat(report.card(ID).settled()).isEmpty();
  }

  @Test
  void aGapInTheCountersIsReportedUntilItsReceiptArrives() {
    List<CardReceipt> debits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      debits.add(card.debit(PAYEE, 100));
    }
    CardReceipt fourth = debits.remove(2);

    SettlementReport withGap = fixture.journal.settle(PAYEE, debits);
    SettlementReport filled = fixture.journal.settle(PAYEE, List.of(fourth));

    assertThat(withGap.card(ID).settled()).containsExactly(2L, 3L, 5L);
    assertThat(withGap.card(ID).missing()).containsExactly(4L);
    assertThat(filled.card(ID).settled()).containsExactly(4L);
    assertThat(filled.card(ID).missing()).isEmpty();
    assertThat(fixture.shadow(DIGITS)).isEqualTo(600).isEqualTo(card.balance().amount());
  }

  @Test
  void aReceiptOfAnUnregisteredCardIsRejected() {
    PurseCard other =
        JournalFixture.client(
            fixture.card("777", dev.idsettle.card.testing.SimulatedCard.withPurse()));
    fixture.journal.credit(other, TERMINAL, 50);
    CardReceipt debit = other.debit(PAYEE, 10);
    JournalFixture fresh = new JournalFixture();

    SettlementReport report = fresh.journal.settle(PAYEE, List.of(debit));

    assertThat(report.card(CardId.parse("777")).rejected())
        .extracting(Rejection::reason)
        .containsExactly("the card is not registered");
  }
}
