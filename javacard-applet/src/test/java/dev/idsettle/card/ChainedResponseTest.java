package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader that answers the T=0 way: 6Cxx for a command whose Le it does not like, then the data in
 * pieces behind 61xx, fetched with GET RESPONSE. The host follows both.
 */
class ChainedResponseTest {

  private CardFixture fixture;

  @BeforeEach
  void activeCard() {
    fixture = CardFixture.installed().personalised();
    fixture.credit(1000);
  }

  @Test
  void receiptsStatementsAndDataArriveWholeThroughChainedAnswers() {
    PurseCard card = PurseCard.over(new T0StyleReader(fixture.card.channel(), 10, false));
    card.select();

    CardReceipt debit = card.debit(PAYEE, 5);
    CardStatement statement = card.statement(42);

    assertThat(fixture.issuer.verify(debit).receipt().newBalance()).isEqualTo(995);
    assertThat(fixture.issuer.verify(statement, 42).statement().lastReceipt()).contains(debit);
    assertThat(card.cardId()).isEqualTo(CardFixture.CARD_ID);
  }

  @Test
  void aWrongLeIsCorrectedFirst() {
    PurseCard card = PurseCard.over(new T0StyleReader(fixture.card.channel(), 200, true));
    card.select();

    assertThat(card.balance().amount()).isEqualTo(1000);
    assertThat(fixture.issuer.verify(card.statement(7), 7).statement().balance()).isEqualTo(1000);
  }

  @Test
  void aReaderThatNeverStopsChainingIsAProtocolError() {
    PurseCard card =
        PurseCard.over(
            new T0StyleReader(fixture.card.channel(), 1, false) {
              @Override
              public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                return command.getINS() == 0xC0
                    ? new ResponseAPDU(new byte[] {1, 0x61, 0x01})
                    : super.transmit(command);
              }
            });
    card.select();

    assertThatThrownBy(card::counter)
        .isInstanceOf(CardProtocolException.class)
        .hasMessageContaining("61xx or 6Cxx");
  }

  /** Forwards to the card, then hands out the answer in pieces of {@code piece} bytes. */
  private static class T0StyleReader extends CardChannel {
    private final CardChannel card;
    private final int piece;
    private final boolean wrongLeFirst;
    private byte[] pending = new byte[0];

    T0StyleReader(CardChannel card, int piece, boolean wrongLeFirst) {
      this.card = card;
      this.piece = piece;
      this.wrongLeFirst = wrongLeFirst;
    }

    @Override
    public Card getCard() {
      return card.getCard();
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      if (command.getINS() == 0xC0) {
        return next();
      }
      ResponseAPDU answer = card.transmit(command);
      byte[] data = answer.getData();
      if (answer.getSW() != 0x9000 || data.length == 0) {
        return answer;
      }
      if (wrongLeFirst && command.getNe() != data.length) {
        // a real card would not have run the command; this one did, which the host cannot tell
        return new ResponseAPDU(new byte[] {0x6C, (byte) data.length});
      }
      pending = data;
      return next();
    }

    private ResponseAPDU next() {
      int n = Math.min(piece, pending.length);
      byte[] out = Arrays.copyOf(pending, n + 2);
      pending = Arrays.copyOfRange(pending, n, pending.length);
      if (pending.length == 0) {
        out[n] = (byte) 0x90;
        out[n + 1] = 0;
      } else {
        out[n] = 0x61;
        out[n + 1] = (byte) Math.min(pending.length, 255);
      }
      return new ResponseAPDU(out);
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) {
      throw new UnsupportedOperationException("not used by PurseCard");
    }

    @Override
    public void close() {}
  }
}
