package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.JPY;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonalisationTest {

  @Test
  void aFreshCardIsInstalledAndHasNoData() {
    CardFixture fixture = CardFixture.installed();

    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
    assertRefused(() -> fixture.client.cardId(), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.balance(), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.counter(), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.lastReceipt(), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.initialize(), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.debit(PAYEE, 1), CardRefusal.NO_DATA);
    assertRefused(() -> fixture.client.verifyPin(CardFixture.PIN_PAD, "1234"), CardRefusal.NO_DATA);
  }

  @Test
  void personalisationSetsIdCurrencyAndAZeroBalance() {
    CardFixture fixture = CardFixture.installed().personalised();

    assertThat(fixture.client.status()).isEqualTo(new CardStatus(Lifecycle.PERSONALISED, false, 3));
    assertThat(fixture.client.cardId()).isEqualTo(CARD_ID);
    assertThat(fixture.client.balance()).isEqualTo(new CardBalance(0, JPY));
    assertThat(fixture.client.counter()).isZero();
    assertThat(fixture.client.lastReceipt()).isEmpty();
  }

  @Test
  void personalisationLocksItself() {
    CardFixture fixture = CardFixture.installed().personalised();
    Personalisation other =
        fixture.issuer.personalisation(CardId.parse("999"), JPY, CardFixture.PIN);

    assertRefused(() -> fixture.client.personalise(other), CardRefusal.ALREADY_PERSONALISED);
    assertThat(fixture.client.cardId()).isEqualTo(CARD_ID);
    assertThat(fixture.client.status().pinRequired()).isFalse();
  }

  @Test
  void theFirstCreditActivatesTheCard() {
    CardFixture fixture = CardFixture.installed().personalised();

    fixture.credit(500);

    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
  }

  @Test
  void aShortIdIsKeptExactly() {
    CardFixture fixture = CardFixture.installed();
    CardId shortId = CardId.parse("12345");

    fixture.client.personalise(fixture.issuer.personalisation(shortId, JPY, null));

    assertThat(fixture.client.cardId()).isEqualTo(shortId);
  }

  static void assertRefused(Runnable command, CardRefusal refusal) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            CardRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal))
        .hasMessageContaining(refusal.message());
  }
}
