package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A full card ID never reaches a {@code toString} or an exception message. */
class MaskedCardIdTest {

  @Test
  void everyToStringAndMessageShowsTheLastFourDigitsOnly() {
    CardFixture fixture = CardFixture.installed();
    Personalisation personalisation =
        fixture.issuer.personalisation(CARD_ID, CardFixture.JPY, "1234");
    fixture.client.personalise(personalisation);
    VerifiedReceipt credit = fixture.credit(1000);
    fixture.client.verifyPin(CardFixture.PIN_PAD, "1234");
    CardReceipt debit = fixture.client.debit(PAYEE, 10);
    CardReceipt forged =
        new CardReceipt(
            debit.kind(),
            debit.keyVersion(),
            debit.cardId(),
            debit.counter(),
            debit.amount() + 1,
            debit.newBalance(),
            debit.nonce(),
            debit.payee(),
            debit.mac());
    CardStatement statement = fixture.client.statement(7);

    List<String> shown = new ArrayList<>();
    shown.add(CARD_ID.toString());
    shown.add(personalisation.toString());
    shown.add(credit.toString());
    shown.add(debit.toString());
    shown.add(statement.toString());
    shown.add(fixture.issuer.verify(statement, 7).toString());
    shown.add(message(() -> fixture.issuer.verify(forged)));
    shown.add(message(() -> fixture.issuer.verify(statement, 8)));
    shown.add(message(() -> CardId.parse(CARD_ID.digits() + "x")));

    assertThat(CARD_ID.toString()).isEqualTo("************9012");
    for (String text : shown) {
      assertThat(text)
          .doesNotContain(CARD_ID.digits())
          .doesNotContain(HexFormat.of().formatHex(CARD_ID.toBcd()))
          .doesNotContain(CARD_ID.digits().substring(0, 8));
    }
  }

  private static String message(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isNotNull();
    return String.valueOf(thrown.getMessage());
  }
}
