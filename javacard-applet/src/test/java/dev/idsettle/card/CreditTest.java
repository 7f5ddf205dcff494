package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.PersonalisationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditTest {

  private static final long MAX = 0xFFFF_FFFFL;

  private CardFixture fixture;
  private PurseCard card;

  @BeforeEach
  void personalise() {
    fixture = CardFixture.installed().personalised();
    card = fixture.client;
  }

  @Test
  void anAuthorisedCreditRaisesBalanceAndCounterAndReturnsAVerifiableReceipt() {
    Challenge challenge = card.initialize();
    assertThat(challenge.counter()).isZero();

    CardReceipt receipt =
        card.credit(challenge, 700, fixture.issuer.authorizeCredit(CARD_ID, challenge, 700));

    assertThat(fixture.issuer.verify(receipt).receipt()).isEqualTo(receipt);
    assertThat(receipt.kind()).isEqualTo(CardReceipt.Kind.CREDIT);
    assertThat(receipt.cardId()).isEqualTo(CARD_ID);
    assertThat(receipt.counter()).isEqualTo(1);
    assertThat(receipt.amount()).isEqualTo(700);
    assertThat(receipt.newBalance()).isEqualTo(700);
    assertThat(receipt.nonce()).isEqualTo(challenge.value());
    assertThat(card.balance().amount()).isEqualTo(700);
    assertThat(card.counter()).isEqualTo(1);
    assertThat(card.lastReceipt()).contains(receipt);
  }

  @Test
  void aWrongMacIsRefusedAndChangesNothing() {
    fixture.credit(100);
    Challenge challenge = card.initialize();
    Mac forAnotherAmount = fixture.issuer.authorizeCredit(CARD_ID, challenge, 1000);
    Mac byAnotherIssuer =
        CardIssuer.over(IssuerKeys.fromMasterKey(new byte[16]))
            .authorizeCredit(CARD_ID, challenge, 100);

    assertRefused(() -> card.credit(challenge, 100, forAnotherAmount), CardRefusal.WRONG_MAC);
    Challenge second = card.initialize();
    assertRefused(() -> card.credit(second, 100, byAnotherIssuer), CardRefusal.WRONG_MAC);

    assertUnchanged(100, 1);
  }

  @Test
  void aCreditAuthorisedForAnotherCardIsRefused() {
    Challenge challenge = card.initialize();
    Mac forAnotherCard = fixture.issuer.authorizeCredit(CardId.parse("1111"), challenge, 50);

    assertRefused(() -> card.credit(challenge, 50, forAnotherCard), CardRefusal.WRONG_MAC);
    assertUnchanged(0, 0);
  }

  @Test
  void aReplayedCreditIsRefusedBecauseTheChallengeIsUsedUp() {
    Challenge challenge = card.initialize();
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, challenge, 300);
    card.credit(challenge, 300, authorisation);

    assertRefused(() -> card.credit(challenge, 300, authorisation), CardRefusal.NO_FRESH_CHALLENGE);
    assertUnchanged(300, 1);
  }

  @Test
  void anOldAuthorisationFailsUnderANewChallengeEvenIfTheRandomBytesRepeat() {
    Challenge first = card.initialize();
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, first, 300);
    card.credit(first, 300, authorisation);
    card.initialize();

    // Even if the card's random generator repeated itself, the counter has moved on.
    Challenge sameRandomNextCounter =
        new Challenge(first.value(), first.counter() + 1, first.keyVersion());
    assertThat(fixture.issuer.authorizeCredit(CARD_ID, sameRandomNextCounter, 300))
        .isNotEqualTo(authorisation);
    assertRefused(() -> card.credit(first, 300, authorisation), CardRefusal.WRONG_MAC);
    assertUnchanged(300, 1);
  }

  @Test
  void aCreditWithoutInitializeOrAfterReselectIsRefused() {
    Challenge challenge = card.initialize();
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, challenge, 10);
    fixture.reselect();

    assertRefused(
        () -> fixture.client.credit(challenge, 10, authorisation), CardRefusal.NO_FRESH_CHALLENGE);
    assertUnchanged(0, 0);
  }

  @Test
  void aWrongMacUsesUpTheChallenge() {
    Challenge challenge = card.initialize();
    Mac wrong = fixture.issuer.authorizeCredit(CARD_ID, challenge, 11);
    Mac right = fixture.issuer.authorizeCredit(CARD_ID, challenge, 10);

    assertRefused(() -> card.credit(challenge, 10, wrong), CardRefusal.WRONG_MAC);
    assertRefused(() -> card.credit(challenge, 10, right), CardRefusal.NO_FRESH_CHALLENGE);
  }

  @Test
  void theBalanceReachesTwoToThe32MinusOneAndNotBeyond() {
    fixture.credit(MAX - 1);
    fixture.credit(1);
    assertThat(card.balance().amount()).isEqualTo(MAX);

    Challenge challenge = card.initialize();
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, challenge, 1);
    assertRefused(() -> card.credit(challenge, 1, authorisation), CardRefusal.LIMIT_REACHED);

    assertUnchanged(MAX, 2);
  }

  @Test
  void aCreditThatWouldCarryPastTheTopIsRefused() {
    fixture.credit(0x8000_0000L);
    Challenge challenge = card.initialize();
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, challenge, 0x8000_0000L);

    assertRefused(
        () -> card.credit(challenge, 0x8000_0000L, authorisation), CardRefusal.LIMIT_REACHED);
    assertUnchanged(0x8000_0000L, 1);
  }

  private void assertUnchanged(long balance, long counter) {
    assertThat(card.balance().amount()).isEqualTo(balance);
    assertThat(card.counter()).isEqualTo(counter);
  }
}
