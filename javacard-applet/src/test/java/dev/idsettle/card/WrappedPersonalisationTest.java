package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.JPY;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.card.testing.SimulatedCard;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A chip installed with transport keys takes its card keys and PIN only encrypted and MAC'd under
 * them: nothing secret crosses the wire in clear, and a personalisation altered on the way or made
 * for another chip changes nothing.
 */
class WrappedPersonalisationTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERIAL = HEX.parseHex("4090a1b2c3d4e5f6");
  private static final IssuerKeys KEYS =
      RawIssuerKeys.builder()
          .masterKey(1, CardFixture.MASTER_KEY)
          .derivedLedgerKey(1)
          .derivedFamilies(1)
          .key(KeyFamily.TRANSPORT, 2, HEX.parseHex("505152535455565758595a5b5c5d5e5f"))
          .build();
  private static final TransportKeys CHIP = TransportKeys.forChip(KEYS, 1, SERIAL);
  private static final TransportKeys OTHER_CHIP =
      TransportKeys.forChip(KEYS, 1, HEX.parseHex("4090a1b2c3d4e5f7"));
  private static final TransportKeys OTHER_VERSION = TransportKeys.forChip(KEYS, 2, SERIAL);

  @Test
  void aWrappedPersonalisationMakesAWorkingCardAndCarriesNoSecretInClear() {
    CardFixture fixture = chip();
    Personalisation personalisation = fixture.issuer.personalisation(CARD_ID, JPY, "8642");

    fixture.client.personalise(personalisation, CHIP);
    fixture.credit(700);
    fixture.client.verifyPin(CardFixture.PIN_PAD, "8642");

    assertThat(fixture.issuer.verify(fixture.client.debit(PAYEE, 200)).receipt().newBalance())
        .isEqualTo(500);
    String onTheWire = HEX.formatHex(personalisation.wrappedCommandData(CHIP));
    assertThat(onTheWire)
        .doesNotContain(HEX.formatHex(fixture.issuer.commandKey(CARD_ID)))
        .doesNotContain(HEX.formatHex(fixture.issuer.receiptKey(CARD_ID)))
        .doesNotContain(HEX.formatHex(PinPad.pinKey(fixture.issuer.keys(), 1, CARD_ID)))
        .doesNotContain(HEX.formatHex("8642".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void aPersonalisationInClearIsRefused() {
    CardFixture fixture = chip();

    assertThatThrownBy(
            () -> fixture.client.personalise(fixture.issuer.personalisation(CARD_ID, JPY, null)))
        .isInstanceOf(CardRefusedException.class)
        .satisfies(
            e ->
                assertThat(((CardRefusedException) e).refusal())
                    .isEqualTo(CardRefusal.WRONG_LENGTH));
    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
  }

  @Test
  void aPersonalisationAlteredOnTheWayOrForAnotherChipChangesNothing() throws Exception {
    CardFixture fixture = chip();
    Personalisation personalisation = fixture.issuer.personalisation(CARD_ID, JPY, null);
    byte[] altered = personalisation.wrappedCommandData(CHIP);
    altered[20] ^= 1;

    assertThat(
            fixture
                .card
                .channel()
                .transmit(new javax.smartcardio.CommandAPDU(0x80, 0x10, 0, 0, altered))
                .getSW())
        .isEqualTo(0x6988);
    for (TransportKeys wrong : new TransportKeys[] {OTHER_CHIP, OTHER_VERSION}) {
      assertThatThrownBy(() -> fixture.client.personalise(personalisation, wrong))
          .isInstanceOf(CardRefusedException.class)
          .satisfies(
              e ->
                  assertThat(((CardRefusedException) e).refusal())
                      .isEqualTo(CardRefusal.WRONG_MAC));
    }
    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
    fixture.client.personalise(personalisation, CHIP);
    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.PERSONALISED);
  }

  @Test
  void transportKeysAreDerivedPerChipFromAVersionedMasterAndNamedByCheckValues() {
    TransportKeys again = TransportKeys.forChip(KEYS, 1, SERIAL);

    assertThat(again.checkValues())
        .isEqualTo(CHIP.checkValues())
        .matches("[0-9a-f]{6}/[0-9a-f]{6}");
    assertThat(OTHER_CHIP.checkValues()).isNotEqualTo(CHIP.checkValues());
    assertThat(OTHER_VERSION.checkValues()).isNotEqualTo(CHIP.checkValues());
    assertThat(OTHER_VERSION.version()).isEqualTo(2);
    byte[] parameters = CHIP.installParameters(new byte[0]);
    assertThat(CHIP.toString())
        .doesNotContain(HEX.formatHex(parameters, 3, 19))
        .doesNotContain(HEX.formatHex(parameters, 19, 35));
    assertThat(HEX.formatHex(KEYS.keyCheckValue(KeyFamily.TRANSPORT, 2)))
        .isEqualTo(
            HEX.formatHex(
                RawIssuerKeys.builder()
                    .masterKey(1, HEX.parseHex("505152535455565758595a5b5c5d5e5f"))
                    .ledgerKey(new byte[32])
                    .build()
                    .keyCheckValue(1)));
    assertThatThrownBy(() -> TransportKeys.forChip(KEYS, 3, SERIAL))
        .isInstanceOf(UnknownKeyVersionException.class)
        .hasMessageContaining("transport key of version 3");
    assertThatThrownBy(() -> TransportKeys.forChip(KEYS, 1, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chipSerial");
  }

  private static CardFixture chip() {
    return CardFixture.on(SimulatedCard.withPurse(CHIP.installParameters(PurseCard.aid())));
  }
}
