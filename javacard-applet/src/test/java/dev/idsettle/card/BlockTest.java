package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static dev.idsettle.card.PersonalisationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockTest {

  private CardFixture fixture;
  private PurseCard card;

  @BeforeEach
  void personaliseAndCredit() {
    fixture = CardFixture.installed().personalised(CardFixture.PIN);
    card = fixture.client;
    fixture.credit(400);
  }

  @Test
  void blockNeedsTheIssuersMacForThisChallenge() {
    Challenge challenge = card.initialize();
    Mac forAnotherCard = fixture.issuer.authorizeBlock(CardId.parse("77"), challenge);
    assertRefused(() -> card.block(forAnotherCard), CardRefusal.WRONG_MAC);

    Mac creditMac = fixture.issuer.authorizeCredit(CARD_ID, card.initialize(), 1);
    assertRefused(() -> card.block(creditMac), CardRefusal.WRONG_MAC);

    assertRefused(
        () -> card.block(fixture.issuer.authorizeBlock(CARD_ID, challenge)),
        CardRefusal.NO_FRESH_CHALLENGE);
    assertThat(card.status().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
  }

  @Test
  void aBlockedCardRefusesEverythingButReading() {
    Challenge challenge = card.initialize();
    card.block(fixture.issuer.authorizeBlock(CARD_ID, challenge));

    assertThat(card.status().lifecycle()).isEqualTo(Lifecycle.BLOCKED);
    assertThat(card.balance().amount()).isEqualTo(400);
    assertThat(card.cardId()).isEqualTo(CARD_ID);
    assertThat(card.lastReceipt()).isPresent();
    assertRefused(card::initialize, CardRefusal.CARD_BLOCKED);
    assertRefused(
        () -> card.verifyPin(CardFixture.PIN_PAD, CardFixture.PIN), CardRefusal.CARD_BLOCKED);
    assertRefused(() -> card.changePin(CardFixture.PIN_PAD, "1234"), CardRefusal.CARD_BLOCKED);
    assertRefused(() -> card.debit(PAYEE, 1), CardRefusal.CARD_BLOCKED);
    Mac credit = fixture.issuer.authorizeCredit(CARD_ID, challenge, 1);
    assertRefused(() -> card.credit(challenge, 1, credit), CardRefusal.CARD_BLOCKED);
    assertRefused(() -> card.block(credit), CardRefusal.CARD_BLOCKED);
    assertThat(card.balance().amount()).isEqualTo(400);
  }
}
