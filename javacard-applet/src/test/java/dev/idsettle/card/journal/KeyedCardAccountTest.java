package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.JPY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.card.RawIssuerKeys;
import dev.idsettle.ledger.AccountId;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Card accounts are found by a keyed hash of the card ID, like every other ID: a database and a
 * card ID without the issuer's ledger key do not find the card's balance.
 */
class KeyedCardAccountTest {

  private static final CardId ID = CardId.parse("4242000077778888");
  private static final byte[] MASTER = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

  @Test
  void theShadowAccountDependsOnTheLedgerKeyNotOnTheCardIdAlone() {
    CardJournal one = journal(new byte[32]);
    CardJournal two = journal(filled(32, 1));

    assertThat(one.shadowAccount(ID)).isNotEqualTo(two.shadowAccount(ID));
    assertThat(one.shadowAccount(ID)).isNotEqualTo(AccountId.named("card:" + ID.digits()));
    assertThat(one.shadowAccount(ID)).isEqualTo(journal(new byte[32]).shadowAccount(ID));
  }

  @Test
  void theLedgerKeyStaysWhenTheMasterKeyRotates() {
    CardIssuer before =
        CardIssuer.over(
            RawIssuerKeys.builder().masterKey(1, MASTER).ledgerKey(new byte[32]).build());
    CardIssuer after =
        CardIssuer.over(
            RawIssuerKeys.builder()
                .masterKey(1, MASTER)
                .masterKey(2, filled(16, 9))
                .ledgerKey(new byte[32])
                .build());

    assertThat(after.keys().currentVersion()).isEqualTo(2);
    assertThat(after.ledgerHandle(ID)).isEqualTo(before.ledgerHandle(ID));
  }

  @Test
  void messagesAboutAnUnregisteredCardMaskItsId() {
    JournalFixture fixture = new JournalFixture();

    Throwable thrown = catchThrowable(() -> fixture.journal.shadowBalance(ID));

    assertThat(thrown)
        .hasMessageContaining("7778888".substring(3))
        .hasMessageNotContaining(ID.digits());
    fixture.journal.register(ID, JPY);
    assertThat(
            catchThrowable(
                () -> fixture.journal.register(ID, java.util.Currency.getInstance("EUR"))))
        .hasMessageNotContaining(ID.digits());
  }

  private static CardJournal journal(byte[] ledgerKey) {
    return CardJournal.create(
        new JournalFixture().ledger,
        CardIssuer.over(RawIssuerKeys.builder().masterKey(1, MASTER).ledgerKey(ledgerKey).build()));
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
