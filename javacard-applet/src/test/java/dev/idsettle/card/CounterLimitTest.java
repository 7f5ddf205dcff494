package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static dev.idsettle.card.PersonalisationTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CounterLimitTest {

  @Test
  void aCardWhoseCounterReachedTwoToThe32MinusOneRefusesFurtherTransactions() {
    CardFixture fixture = CardFixture.installed().personalised();
    fixture.credit(100);
    fixture.card.overwriteAppletBytes("counter", new byte[] {-1, -1, -1, -1});
    PurseCard card = fixture.client;

    assertRefused(() -> card.debit(PAYEE, 1), CardRefusal.LIMIT_REACHED);
    Challenge challenge = card.initialize();
    assertThat(challenge.counter()).isEqualTo(0xFFFF_FFFFL);
    Mac authorisation = fixture.issuer.authorizeCredit(CARD_ID, challenge, 1);
    assertRefused(() -> card.credit(challenge, 1, authorisation), CardRefusal.LIMIT_REACHED);

    assertThat(card.balance().amount()).isEqualTo(100);
    assertThat(card.lastReceipt().orElseThrow().counter()).isEqualTo(1);
  }
}
