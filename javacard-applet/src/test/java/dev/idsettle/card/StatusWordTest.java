package dev.idsettle.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed commands that the client never sends, sent raw: each gets its own status word. */
class StatusWordTest {

  private CardFixture fixture;

  @BeforeEach
  void personalise() {
    fixture = CardFixture.installed().personalised(CardFixture.PIN);
    fixture.credit(100);
  }

  @Test
  void wrongLengths() throws CardException {
    assertThat(sw(0x80, 0x54, 0, 0, new byte[27])).isEqualTo(0x6700);
    assertThat(sw(0x80, 0x52, 0, 0, new byte[21])).isEqualTo(0x6700);
    assertThat(sw(0x80, 0x50, 0, 0, new byte[1])).isEqualTo(0x6700);
    assertThat(sw(0x80, 0x56, 0, 0, new byte[15])).isEqualTo(0x6700);
  }

  @Test
  void wrongParametersAndUnknownTags() throws CardException {
    assertThat(sw(0x80, 0x50, 1, 0, null)).isEqualTo(0x6A86);
    assertThat(sw(0x00, 0x20, 0, 0x80, Pin.of("2468"))).isEqualTo(0x6A86);
    assertThat(sw(0x00, 0xCA, 0xDF, 0x06, null)).isEqualTo(0x6A86);
    assertThat(sw(0x00, 0xCA, 0x9F, 0x01, null)).isEqualTo(0x6A86);
  }

  @Test
  void unknownInstructionAndClass() throws CardException {
    assertThat(sw(0x80, 0x5C, 0, 0, null)).isEqualTo(0x6D00);
    assertThat(sw(0x00, 0x52, 0, 0, null)).isEqualTo(0x6D00);
    assertThat(sw(0x90, 0x54, 0, 0, null)).isEqualTo(0x6E00);
  }

  @Test
  void invalidData() throws CardException {
    byte[] zeroDebit = new byte[28];
    fixture.client.verifyPin(CardFixture.PIN_PAD, CardFixture.PIN);
    assertThat(sw(0x80, 0x54, 0, 0, zeroDebit)).isEqualTo(0x6A80);
    assertThat(sw(0x00, 0x20, 0, 0, pinBlockOfLength(3))).isEqualTo(0x6A80);
    assertThat(sw(0x00, 0x20, 0, 0, pinBlockOfLength(9))).isEqualTo(0x6A80);
    assertThat(fixture.client.balance().amount()).isEqualTo(100);
    assertThat(fixture.client.status().pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void pinCommandsOfAWrongLengthWithoutAChallengeOrWithAWrongMac() throws CardException {
    assertThat(sw(0x00, 0x20, 0, 0, Pin.of("2468"))).isEqualTo(0x6700);
    assertThat(sw(0x00, 0x20, 0, 0, new byte[40])).isEqualTo(0x6986);
    assertThat(sw(0x80, 0x5A, 0, 0, null)).isEqualTo(0x9000);
    assertThat(sw(0x00, 0x20, 0, 0, new byte[40])).isEqualTo(0x6988);
    assertThat(sw(0x00, 0x20, 0, 0, new byte[40])).isEqualTo(0x6986);
    assertThat(sw(0x80, 0x5A, 0, 0, new byte[1])).isEqualTo(0x6700);
    assertThat(sw(0x00, 0x24, 0, 0, new byte[40])).isEqualTo(0x6982);
    assertThat(fixture.client.status().pinTriesLeft()).isEqualTo(3);
  }

  @Test
  void aZeroCreditIsRefusedEvenWithAValidMac() throws CardException {
    Challenge challenge = fixture.client.initialize();
    byte[] input = new byte[27];
    input[0] = 0x52;
    System.arraycopy(CardFixture.CARD_ID.toBcd(), 0, input, 1, 10);
    Bytes.putU64(input, 11, challenge.value());
    Bytes.putU32(input, 19, challenge.counter());
    byte[] data = new byte[20];
    System.arraycopy(
        AesCmac.mac(fixture.issuer.commandKey(CardFixture.CARD_ID), input), 0, data, 4, 16);

    assertThat(sw(0x80, 0x52, 0, 0, data)).isEqualTo(0x6A80);
    assertThat(fixture.client.counter()).isEqualTo(1);
  }

  @Test
  void malformedPersonalisationIsRefusedAndLeavesTheCardInstalled() throws CardException {
    CardFixture fresh = CardFixture.installed();
    byte[] good =
        fresh.issuer.personalisation(CardFixture.CARD_ID, CardFixture.JPY, null).commandData();

    byte[] badDigit = good.clone();
    badDigit[0] = (byte) 0xA1;
    byte[] gapInId = good.clone();
    gapInId[8] = (byte) 0xF1;
    byte[] badCurrency = good.clone();
    badCurrency[10] = (byte) 0x13;
    byte[] shortPin = HexFormat.of().parseHex(HexFormat.of().formatHex(good) + "00");
    shortPin[61] = 2;

    assertThat(swOn(fresh, badDigit)).isEqualTo(0x6A80);
    assertThat(swOn(fresh, gapInId)).isEqualTo(0x6A80);
    assertThat(swOn(fresh, badCurrency)).isEqualTo(0x6A80);
    assertThat(swOn(fresh, java.util.Arrays.copyOf(good, 61))).isEqualTo(0x6700);
    assertThat(swOn(fresh, java.util.Arrays.copyOf(shortPin, 64))).isEqualTo(0x6A80);
    assertThat(fresh.client.status().lifecycle()).isEqualTo(Lifecycle.INSTALLED);
  }

  /** A VERIFY under the right session keys whose PIN block says the PIN has {@code length}. */
  private byte[] pinBlockOfLength(int length) throws CardException {
    byte[] answer =
        fixture.card.channel().transmit(new CommandAPDU(0x80, 0x5A, 0, 0, 256)).getData();
    PinChallenge challenge = new PinChallenge(Bytes.u64(answer, 0), answer[8] & 0xFF);
    return CardFixture.PIN_PAD.protect(0x20, CardFixture.CARD_ID, challenge, new byte[length]);
  }

  private int sw(int cla, int ins, int p1, int p2, byte @Nullable [] data) throws CardException {
    return swOn(fixture, cla, ins, p1, p2, data);
  }

  private static int swOn(CardFixture on, byte[] personalisation) throws CardException {
    return swOn(on, 0x80, 0x10, 0, 0, personalisation);
  }

  private static int swOn(CardFixture on, int cla, int ins, int p1, int p2, byte @Nullable [] data)
      throws CardException {
    CommandAPDU command =
        data == null
            ? new CommandAPDU(cla, ins, p1, p2, 256)
            : new CommandAPDU(cla, ins, p1, p2, data);
    return on.card.channel().transmit(command).getSW();
  }
}
