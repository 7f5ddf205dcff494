package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static dev.idsettle.card.PersonalisationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebitTest {

  private CardFixture fixture;
  private PurseCard card;

  @BeforeEach
  void personaliseAndCredit() {
    fixture = CardFixture.installed().personalised();
    card = fixture.client;
    fixture.credit(1000);
  }

  @Test
  void aDebitLowersTheBalanceAndReturnsAReceiptOnlyTheIssuerCanVerify() {
    CardReceipt receipt = card.debit(PAYEE, 250, 0x0102030405060708L);

    VerifiedReceipt verified = fixture.issuer.verify(receipt);
    assertThat(verified.receipt())
        .isEqualTo(
            new CardReceipt(
                CardReceipt.Kind.DEBIT,
                1,
                CARD_ID,
                2,
                250,
                750,
                0x0102030405060708L,
                PAYEE.tag(),
                receipt.mac()));
    assertThat(card.balance().amount()).isEqualTo(750);
    assertThat(card.counter()).isEqualTo(2);
    assertThat(card.lastReceipt()).contains(receipt);
  }

  @Test
  void theWholeBalanceCanBeSpentDownToZeroAndNoFurther() {
    card.debit(PAYEE, 1000);
    assertThat(card.balance().amount()).isZero();

    assertRefused(() -> card.debit(PAYEE, 1), CardRefusal.INSUFFICIENT_BALANCE);
    assertThat(card.counter()).isEqualTo(2);
  }

  @Test
  void aDebitLargerThanTheBalanceIsRefusedAndChangesNothing() {
    CardReceipt last = card.lastReceipt().orElseThrow();

    assertRefused(() -> card.debit(PAYEE, 1001), CardRefusal.INSUFFICIENT_BALANCE);
    assertRefused(() -> card.debit(PAYEE, 0xFFFF_FFFFL), CardRefusal.INSUFFICIENT_BALANCE);

    assertThat(card.balance().amount()).isEqualTo(1000);
    assertThat(card.counter()).isEqualTo(1);
    assertThat(card.lastReceipt()).contains(last);
  }

  @Test
  void aPersonalisedButNeverCreditedCardHasNothingToSpend() {
    CardFixture fresh = CardFixture.installed().personalised();

    assertRefused(() -> fresh.client.debit(PAYEE, 1), CardRefusal.INSUFFICIENT_BALANCE);
  }

  @Test
  void countersRiseByOnePerTransaction() {
    long[] counters = {
      card.debit(PAYEE, 1).counter(),
      fixture.credit(5).receipt().counter(),
      card.debit(PAYEE, 2).counter()
    };

    assertThat(counters).containsExactly(2, 3, 4);
  }
}
