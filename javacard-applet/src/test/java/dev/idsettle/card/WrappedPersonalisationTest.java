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
  private static final TransportKeys CHIP =
      TransportKeys.of(
          HEX.parseHex("101112131415161718191a1b1c1d1e1f"),
          HEX.parseHex("202122232425262728292a2b2c2d2e2f"));
  private static final TransportKeys OTHER_CHIP =
      TransportKeys.of(new byte[16], HEX.parseHex("303132333435363738393a3b3c3d3e3f"));

  @Test
  void aWrappedPersonalisationMakesAWorkingCardAndCarriesNoSecretInClear() {
    CardFixture fixture = chip();
    Personalisation personalisation = fixture.issuer.personalisation(CARD_ID, JPY, "8642");

    fixture.client.personalise(personalisation, CHIP);
    fixture.credit(700);
    fixture.client.verifyPin("8642");

    assertThat(fixture.issuer.verify(fixture.client.debit(PAYEE, 200)).receipt().newBalance())
        .isEqualTo(500);
    String onTheWire = HEX.formatHex(personalisation.wrappedCommandData(CHIP));
    assertThat(onTheWire)
        .doesNotContain(HEX.formatHex(fixture.issuer.commandKey(CARD_ID)))
        .doesNotContain(HEX.formatHex(fixture.issuer.receiptKey(CARD_ID)))
        .doesNotContain(HEX.formatHex("8642".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void aPersonalisationInClearIsRefused() {
    CardFixture fixture = chip();

    assertThatThrownBy(
            () -> fixture.client.personalise(fixture.issuer.personalisation(CARD_ID, JPY, null)))
        .isInstanceOf(CardRefusedException.class)
        .satisfies(
            e -> assertThat(((CardRefusedException) e).refusal()).isEqualTo(Refusal.WRONG_LENGTH));
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
    assertThatThrownBy(() -> fixture.client.personalise(personalisation, OTHER_CHIP))
        .isInstanceOf(CardRefusedException.class)
        .satisfies(
            e -> assertThat(((CardRefusedException) e).refusal()).isEqualTo(Refusal.WRONG_MAC));
    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
    fixture.client.personalise(personalisation, CHIP);
    assertThat(fixture.client.status().lifecycle()).isEqualTo(Lifecycle.PERSONALISED);
  }

  private static CardFixture chip() {
    return CardFixture.on(SimulatedCard.withPurse(CHIP.installParameters(PurseCard.aid())));
  }
}
