package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PIN;
import static dev.idsettle.card.CardFixture.PIN_PAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.card.testing.LyingReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VERIFY and CHANGE PIN carry the PIN under session keys derived from the card's PIN key, a fresh
 * card challenge and a host nonce: a reader that records every command sees no PIN, cannot replay a
 * recorded VERIFY or CHANGE PIN, and cannot alter one into a PIN try; a PIN pad without the card's
 * PIN master cannot spend a try either.
 */
class PinOnTheWireTest {

  private static final String NEW_PIN = "13579";

  private final List<CommandAPDU> recorded = new ArrayList<>();
  private CardFixture fixture;
  private PurseCard recordedCard;

  @BeforeEach
  void personaliseWithPin() {
    fixture = CardFixture.installed().personalised(PIN);
    fixture.credit(100);
    recordedCard =
        PurseCard.over(
            LyingReader.over(
                fixture.card.channel(),
                (command, answer) -> {
                  recorded.add(command);
                  return answer;
                }));
  }

  @Test
  void noPinCrossesTheReaderInClearAndNoTwoVerifiesLookAlike() {
    recordedCard.verifyPin(PIN_PAD, PIN);
    recordedCard.changePin(PIN_PAD, NEW_PIN);
    recordedCard.verifyPin(PIN_PAD, NEW_PIN);
    recordedCard.debit(CardFixture.PAYEE, 10);

    List<String> wire = recorded.stream().map(c -> HexFormat.of().formatHex(c.getBytes())).toList();
    assertThat(wire)
        .noneMatch(apdu -> apdu.contains(ascii(PIN)))
        .noneMatch(apdu -> apdu.contains(ascii(NEW_PIN)));
    List<CommandAPDU> verifies = only(0x20);
    assertThat(verifies).hasSize(2);
    assertThat(verifies.get(0).getData()).isNotEqualTo(verifies.get(1).getData());
  }

  @Test
  void aRecordedVerifyReplayedInTheSameOrALaterSessionIsRefusedAndCostsNoTry() throws Exception {
    recordedCard.verifyPin(PIN_PAD, PIN);
    CommandAPDU verify = only(0x20).get(0);
    fixture.client.debit(CardFixture.PAYEE, 10);

    assertThat(fixture.card.channel().transmit(verify).getSW()).isEqualTo(0x6986);
    assertRefused(() -> fixture.client.debit(CardFixture.PAYEE, 10), CardRefusal.PIN_NOT_VERIFIED);
    fixture.reselect();

    assertThat(fixture.card.channel().transmit(verify).getSW()).isEqualTo(0x6986);
    fixture.client.initialize();
    assertThat(fixture.card.channel().transmit(new CommandAPDU(0x80, 0x5A, 0, 0, 256)).getSW())
        .isEqualTo(0x9000);
    assertThat(fixture.card.channel().transmit(verify).getSW()).isEqualTo(0x6988);
    assertThat(fixture.client.status().pinTriesLeft()).isEqualTo(3);
    assertRefused(() -> fixture.client.debit(CardFixture.PAYEE, 10), CardRefusal.PIN_NOT_VERIFIED);
  }

  @Test
  void aRecordedChangePinReplayedLaterDoesNotSetTheOldNewPinAgain() throws Exception {
    recordedCard.verifyPin(PIN_PAD, PIN);
    recordedCard.changePin(PIN_PAD, NEW_PIN);
    CommandAPDU change = only(0x24).get(0);
    fixture.reselect();
    fixture.client.verifyPin(PIN_PAD, NEW_PIN);
    fixture.client.changePin(PIN_PAD, "8080");
    fixture.client.verifyPin(PIN_PAD, "8080");
    fixture.card.channel().transmit(new CommandAPDU(0x80, 0x5A, 0, 0, 256));

    assertThat(fixture.card.channel().transmit(change).getSW()).isEqualTo(0x6988);
    fixture.reselect();
    fixture.client.verifyPin(PIN_PAD, "8080");
  }

  @Test
  void aVerifyAlteredOnTheWayIsRefusedBeforeThePinIsChecked() {
    PurseCard flipping =
        PurseCard.over(
            LyingReader.altering(
                fixture.card.channel(),
                command -> {
                  if (command.getINS() != 0x20) {
                    return command;
                  }
                  byte[] data = command.getData();
                  data[10] ^= 1; // one bit of the PIN block
                  return new CommandAPDU(0x00, 0x20, 0, 0, data);
                }));

    assertRefused(() -> flipping.verifyPin(PIN_PAD, PIN), CardRefusal.WRONG_MAC);
    assertRefused(() -> flipping.verifyPin(PIN_PAD, PIN), CardRefusal.WRONG_MAC);
    assertRefused(() -> flipping.verifyPin(PIN_PAD, PIN), CardRefusal.WRONG_MAC);
    assertThat(fixture.client.status().pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void aPinPadWithoutTheCardsPinMasterSpendsNoTry() {
    PinPad stranger = PinPad.over(IssuerKeys.fromMasterKey(new byte[16]));

    assertRefused(() -> fixture.client.verifyPin(stranger, PIN), CardRefusal.WRONG_MAC);
    assertRefused(() -> fixture.client.verifyPin(stranger, PIN), CardRefusal.WRONG_MAC);
    assertRefused(() -> fixture.client.verifyPin(stranger, PIN), CardRefusal.WRONG_MAC);
    assertThat(fixture.client.status().pinTriesLeft()).isEqualTo(3);
    fixture.client.verifyPin(PIN_PAD, PIN);
  }

  private List<CommandAPDU> only(int ins) {
    return recorded.stream().filter(c -> c.getINS() == ins).toList();
  }

  private static String ascii(String pin) {
    return HexFormat.of().formatHex(pin.getBytes(StandardCharsets.US_ASCII));
  }

  private static void assertRefused(Runnable command, CardRefusal refusal) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            CardRefusedException.class, e -> assertThat(e.refusal()).isEqualTo(refusal));
  }
}
