package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.card.testing.LyingReader;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile card (or a reader in front of a real one) answers with what no purse applet sends:
 * every such answer becomes a {@link CardProtocolException} that says what was wrong and quotes no
 * card ID, never a {@code NumberFormatException} or {@code IllegalArgumentException}.
 */
class HostileCardTest {

  private CardFixture fixture;

  @BeforeEach
  void activeCard() {
    fixture = CardFixture.installed().personalised();
    fixture.credit(1000);
  }

  @Test
  void aCardIdThatIsNotBcd() {
    assertProtocolError(
        answer(0xCA, 0x01, data -> data[0] = (byte) 0xA1), PurseCard::cardId, "not packed BCD");
    assertProtocolError(
        answer(0xCA, 0x01, data -> data[9] = (byte) 0x1F), PurseCard::cardId, "not packed BCD");
  }

  @Test
  void aCurrencyThatIsNotBcdOrUnknown() {
    assertProtocolError(
        answer(0xCA, 0x02, data -> data[4] = (byte) 0x0A), PurseCard::balance, "not a BCD");
    assertProtocolError(
        answer(0xCA, 0x02, data -> data[4] = (byte) 0x1A), PurseCard::balance, "not a BCD");
    assertProtocolError(
        answer(
            0xCA,
            0x02,
            data -> {
              data[4] = 0x00;
              data[5] = (byte) 0x01;
            }),
        PurseCard::balance,
        "unknown currency 1");
  }

  @Test
  void answersOfTheWrongLength() {
    assertProtocolError(truncated(0xCA, 1), PurseCard::counter, "answered 3 bytes, expected 4");
    assertProtocolError(truncated(0x50, 1), PurseCard::initialize, "expected 13");
    assertProtocolError(truncated(0x58, 1), PurseCard::statement, "expected 109");
    assertProtocolError(truncated(0x54, 1), c -> c.debit(PAYEE, 5), "a receipt has 64 bytes");
  }

  @Test
  void aReceiptOrStatementWithFieldsNoCardSends() {
    assertProtocolError(
        answer(0x54, -1, data -> data[0] = 0x33), c -> c.debit(PAYEE, 5), "unknown kind 51");
    assertProtocolError(
        answer(0x54, -1, data -> data[2] = (byte) 0xBB), c -> c.debit(PAYEE, 5), "not packed BCD");
    assertProtocolError(
        answer(0x58, -1, data -> data[20] = 9), PurseCard::statement, "lifecycle state 9");
    assertProtocolError(
        answer(0x58, -1, data -> data[0] = 0), PurseCard::statement, "unknown kind 0");
    assertProtocolError(
        answer(0xCA, 0x04, data -> data[0] = (byte) 0xFF), PurseCard::status, "state 255");
  }

  private PurseCard answer(int ins, int p2, Consumer<byte[]> change) {
    PurseCard client =
        PurseCard.over(
            LyingReader.over(
                fixture.card.channel(),
                (command, answer) -> {
                  if (!matches(command, ins, p2) || answer.getSW() != 0x9000) {
                    return answer;
                  }
                  byte[] data = answer.getData();
                  change.accept(data);
                  return withSw(data, answer);
                }));
    client.select();
    return client;
  }

  private PurseCard truncated(int ins, int cut) {
    PurseCard client =
        PurseCard.over(
            LyingReader.over(
                fixture.card.channel(),
                (command, answer) ->
                    matches(command, ins, -1) && answer.getSW() == 0x9000
                        ? withSw(
                            Arrays.copyOf(answer.getData(), answer.getData().length - cut), answer)
                        : answer));
    client.select();
    return client;
  }

  private static boolean matches(CommandAPDU command, int ins, int p2) {
    return command.getINS() == ins && (p2 < 0 || command.getP2() == p2);
  }

  private static ResponseAPDU withSw(byte[] data, ResponseAPDU answer) {
    byte[] bytes = Arrays.copyOf(data, data.length + 2);
    bytes[data.length] = (byte) answer.getSW1();
    bytes[data.length + 1] = (byte) answer.getSW2();
    return new ResponseAPDU(bytes);
  }

  private static void assertProtocolError(
      PurseCard client, Consumer<PurseCard> call, String message) {
    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOf(CardProtocolException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining(CardFixture.CARD_ID.digits())
        .hasMessageNotContaining(HexFormat.of().formatHex(CardFixture.CARD_ID.toBcd()));
  }
}
