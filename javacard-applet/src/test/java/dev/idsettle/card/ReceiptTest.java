package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptTest {

  private CardFixture fixture;

  @BeforeEach
  void personaliseAndCredit() {
    fixture = CardFixture.installed().personalised();
    fixture.credit(1000);
  }

  @Test
  void anAlteredReceiptIsRejectedByTheIssuer() {
    CardReceipt receipt = fixture.client.debit(PAYEE, 100);
    CardReceipt smaller =
        new CardReceipt(
            receipt.kind(),
            receipt.keyVersion(),
            receipt.cardId(),
            receipt.counter(),
            10,
            receipt.newBalance(),
            receipt.nonce(),
            receipt.payee(),
            receipt.mac());

    assertThatThrownBy(() -> fixture.issuer.verify(smaller))
        .isInstanceOf(ReceiptRejectedException.class)
        .hasMessageContaining("card " + CARD_ID + " counter 2 has a wrong MAC");
  }

  @Test
  void aReceiptForgedWithTheCommandKeyIsRejected() {
    CardReceipt receipt = fixture.client.debit(PAYEE, 100);
    byte[] commandKey = fixture.issuer.commandKey(CARD_ID);
    CardReceipt forged =
        new CardReceipt(
            receipt.kind(),
            receipt.keyVersion(),
            receipt.cardId(),
            receipt.counter(),
            1,
            receipt.newBalance(),
            receipt.nonce(),
            receipt.payee(),
            Mac.of(AesCmac.mac(commandKey, receipt.macInput())));

    assertThatThrownBy(() -> fixture.issuer.verify(forged))
        .isInstanceOf(ReceiptRejectedException.class);
  }

  @Test
  void aReceiptReplayedByAFakeCardIsRejectedByTheTerminal() throws CardException {
    CommandAPDU debit = new CommandAPDU(0x80, 0x54, 0, 0, debitData(100, 1L), 256);
    ResponseAPDU recorded = fixture.card.channel().transmit(debit);
    assertThat(recorded.getSW()).isEqualTo(0x9000);

    PurseCard fake = PurseCard.over(new ReplayingChannel(recorded));

    assertThatThrownBy(() -> fake.debit(PAYEE, 100, 2L))
        .isInstanceOf(ReceiptRejectedException.class)
        .hasMessageContaining("replayed or substituted receipt");
  }

  @Test
  void theIssuerVerifiesTheReceiptsOfThePerCardKeyOnly() {
    CardReceipt receipt = fixture.client.debit(PAYEE, 100);
    CardIssuer otherIssuer = CardIssuer.over(IssuerKeys.fromMasterKey(new byte[32]));

    assertThatThrownBy(() -> otherIssuer.verify(receipt))
        .isInstanceOf(ReceiptRejectedException.class);
    assertThat(fixture.issuer.verify(receipt).receipt().newBalance()).isEqualTo(900);
  }

  private static byte[] debitData(long amount, long nonce) {
    byte[] data = new byte[28];
    Bytes.putU32(data, 0, amount);
    Bytes.putU64(data, 4, nonce);
    return data;
  }

  /** A card that answers every command with the same recorded response. */
  private static final class ReplayingChannel extends CardChannel {
    private final ResponseAPDU recorded;

    ReplayingChannel(ResponseAPDU recorded) {
      this.recorded = recorded;
    }

    @Override
    public Card getCard() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) {
      return recorded;
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }
}
