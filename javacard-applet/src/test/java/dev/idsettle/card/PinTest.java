package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PAYEE;
import static dev.idsettle.card.CardFixture.PIN;
import static dev.idsettle.card.PersonalisationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PinTest {

  private CardFixture fixture;
  private PurseCard card;

  @BeforeEach
  void personaliseWithPin() {
    fixture = CardFixture.installed().personalised(PIN);
    card = fixture.client;
    fixture.credit(1000);
  }

  @Test
  void aDebitNeedsAVerifiedPinAndOneVerificationAllowsOneDebit() {
    assertRefused(() -> card.debit(PAYEE, 10), CardRefusal.PIN_NOT_VERIFIED);

    card.verifyPin(CardFixture.PIN_PAD, PIN);
    card.debit(PAYEE, 10);

    assertRefused(() -> card.debit(PAYEE, 10), CardRefusal.PIN_NOT_VERIFIED);
    assertThat(card.balance().amount()).isEqualTo(990);
  }

  @Test
  void aNewSessionForgetsTheVerification() {
    card.verifyPin(CardFixture.PIN_PAD, PIN);
    fixture.reselect();

    assertRefused(() -> fixture.client.debit(PAYEE, 10), CardRefusal.PIN_NOT_VERIFIED);
  }

  @Test
  void threeWrongPinsBlockThePinAndTheDebits() {
    assertWrongPin("0000", 2);
    assertWrongPin("1111", 1);
    assertRefused(() -> card.verifyPin(CardFixture.PIN_PAD, "2222"), CardRefusal.PIN_BLOCKED);

    assertThat(card.status().pinTriesLeft()).isZero();
    assertRefused(() -> card.verifyPin(CardFixture.PIN_PAD, PIN), CardRefusal.PIN_BLOCKED);
    assertRefused(() -> card.debit(PAYEE, 10), CardRefusal.PIN_BLOCKED);
    assertRefused(() -> card.changePin(CardFixture.PIN_PAD, "9999"), CardRefusal.PIN_BLOCKED);
    assertThat(card.balance().amount()).isEqualTo(1000);
  }

  @Test
  void theRightPinRestoresTheTries() {
    assertWrongPin("0000", 2);
    assertWrongPin("0000", 1);

    card.verifyPin(CardFixture.PIN_PAD, PIN);

    assertThat(card.status().pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void changingThePinNeedsTheOldOneFirst() {
    assertRefused(() -> card.changePin(CardFixture.PIN_PAD, "13579"), CardRefusal.PIN_NOT_VERIFIED);

    card.verifyPin(CardFixture.PIN_PAD, PIN);
    card.changePin(CardFixture.PIN_PAD, "13579");

    assertWrongPin(PIN, 2);
    card.verifyPin(CardFixture.PIN_PAD, "13579");
    card.debit(PAYEE, 1);
    assertThat(card.balance().amount()).isEqualTo(999);
  }

  @Test
  void aCardWithoutPinHasNoPinCommandsAndDebitsFreely() {
    CardFixture noPin = CardFixture.installed().personalised();
    noPin.credit(5);

    assertRefused(() -> noPin.client.verifyPin(CardFixture.PIN_PAD, PIN), CardRefusal.NO_PIN);
    assertRefused(() -> noPin.client.changePin(CardFixture.PIN_PAD, PIN), CardRefusal.NO_PIN);
    noPin.client.debit(PAYEE, 5);
  }

  @Test
  void theHostRejectsAMalformedPinBeforeSendingIt() {
    assertThatThrownBy(() -> card.verifyPin(CardFixture.PIN_PAD, "12a4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 to 8 digits");
    assertThat(card.status().pinTriesLeft()).isEqualTo(3);
  }

  private void assertWrongPin(String pin, int triesLeft) {
    assertThatThrownBy(() -> card.verifyPin(CardFixture.PIN_PAD, pin))
        .isInstanceOfSatisfying(
            WrongPinException.class, e -> assertThat(e.triesLeft()).isEqualTo(triesLeft));
  }
}
