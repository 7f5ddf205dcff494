package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * Whatever a card or reader answers, the host's parsing of answers, receipts and statements ends in
 * a value or a {@link CardOperationException} with a message, never another exception. {@code mvn
 * test} runs the corpus in {@code CardAnswerFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class CardAnswerFuzzTest {

  private static final CardIssuer ISSUER =
      CardIssuer.over(IssuerKeys.fromMasterKey(CardFixture.MASTER_KEY));

  @FuzzTest(maxDuration = "30s")
  void cardAnswersParseToAValueOrATypedError(FuzzedDataProvider data) {
    int which = data.consumeInt(0, 9);
    int sw = data.consumeBoolean() ? 0x9000 : data.consumeInt(0, 0xFFFF);
    byte[] answer = data.consumeRemainingAsBytes();
    PurseCard card = PurseCard.over(new AnsweringChannel(answer, sw));
    try {
      switch (which) {
        case 0 -> card.cardId();
        case 1 -> card.balance();
        case 2 -> card.counter();
        case 3 -> card.status();
        case 4 -> card.lastReceipt();
        case 5 -> card.initialize();
        case 6 -> ISSUER.verify(card.statement(0), 0);
        case 7 -> ISSUER.verify(card.debit(PAYEE, 1, 0));
        case 8 -> ISSUER.verify(CardReceipt.parse(answer));
        default -> CardStatement.parse(answer);
      }
    } catch (CardOperationException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  /** A card that answers every command with the same bytes and status word. */
  private static final class AnsweringChannel extends CardChannel {
    private final byte[] response;

    AnsweringChannel(byte[] data, int sw) {
      response = Arrays.copyOf(data, data.length + 2);
      response[data.length] = (byte) (sw >>> 8);
      response[data.length + 1] = (byte) sw;
    }

    @Override
    public Card getCard() {
      throw new UnsupportedOperationException("not used by PurseCard");
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) {
      return new ResponseAPDU(response);
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer answer) {
      throw new UnsupportedOperationException("not used by PurseCard");
    }

    @Override
    public void close() {}
  }
}
