package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.PAYEE;
import static dev.idsettle.card.journal.JournalFixture.SERVICE;
import static dev.idsettle.card.journal.JournalFixture.TERMINAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.Payee;
import dev.idsettle.card.testing.SimulatedCard;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who sniffed a debit receipt settles it first, under a service (or terminal) of their own:
 * the card bound the receipt to the payee that asked for the debit, so the rogue gets nothing and
 * the real payee still settles it.
 */
class RogueSettlerTest {

  private static final String DIGITS = "4242000055556666";

  private JournalFixture fixture;
  private CardReceipt debit;

  @BeforeEach
  void aDebitBoundToBusTerminal1() {
    fixture = new JournalFixture();
    SimulatedCard card = fixture.card(DIGITS);
    fixture.journal.credit(JournalFixture.client(card), TERMINAL, 1000);
    debit = JournalFixture.client(card).debit(PAYEE, 300);
  }

  @Test
  void aSniffedReceiptSettledFirstByARogueServiceIsRejectedAndTheRealServiceStillGetsIt() {

    SettlementReport rogue = fixture.journal.settle(new Payee("rogue", TERMINAL), List.of(debit));
    SettlementReport real = fixture.journal.settle(PAYEE, List.of(debit));

    CardId id = CardId.parse(DIGITS);
    assertThat(rogue.card(id).settled()).isEmpty();
    assertThat(rogue.card(id).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("another service or terminal"));
    assertThat(real.card(id).settled()).containsExactly(2L);
    assertThat(fixture.revenue()).as("revenue of %s", SERVICE).isEqualTo(300);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(700);
  }

  @Test
  void anotherTerminalOfTheSameServiceCannotSettleItEither() {

    SettlementReport other =
        fixture.journal.settle(new Payee(SERVICE, "terminal-2"), List.of(debit));

    assertThat(other.card(CardId.parse(DIGITS)).rejected()).hasSize(1);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
  }

  @Test
  void theReceiptCarriesThePayeeUnderTheCardsMac() {
    CardReceipt relabelled =
        new CardReceipt(
            debit.kind(),
            debit.keyVersion(),
            debit.cardId(),
            debit.counter(),
            debit.amount(),
            debit.newBalance(),
            debit.nonce(),
            new Payee("rogue", TERMINAL).tag(),
            debit.mac());

    SettlementReport rogue =
        fixture.journal.settle(new Payee("rogue", TERMINAL), List.of(relabelled));

    assertThat(rogue.card(CardId.parse(DIGITS)).rejected())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("forged or altered"));
    assertThat(fixture.shadow(DIGITS)).isEqualTo(1000);
  }
}
