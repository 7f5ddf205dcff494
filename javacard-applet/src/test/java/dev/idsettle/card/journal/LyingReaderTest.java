package dev.idsettle.card.journal;

import static dev.idsettle.card.journal.JournalFixture.TERMINAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.idsettle.card.PurseCard;
import dev.idsettle.card.testing.LyingReader;
import dev.idsettle.card.testing.SimulatedCard;
import dev.idsettle.ledger.HoldState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader between the journal and the card forwards the commands and lies in its answers: what it
 * says without the card's MAC must never move money.
 */
class LyingReaderTest {

  private static final String DIGITS = "4242000033334444";

  private JournalFixture fixture;
  private SimulatedCard card;

  @BeforeEach
  void creditACard() {
    fixture = new JournalFixture();
    card = fixture.card(DIGITS);
    fixture.journal.credit(JournalFixture.client(card), TERMINAL, 1000);
  }

  @Test
  void aCreditTheCardAppliedButTheReaderCallsRefusedIsNotVoided() {
    PurseCard liar =
        PurseCard.over(LyingReader.over(card.channel(), LyingReader.refusing(0x52, 0x6A84)));
    liar.select();

    Throwable thrown = catchThrowable(() -> fixture.journal.credit(liar, TERMINAL, 5000));

    assertThat(JournalFixture.client(card).balance().amount()).isEqualTo(6000);
    if (thrown == null) {
      assertAgree(6000);
    } else {
      assertThat(openOrCapturedHolds()).as("the hold is not voided on a bare status word").isOne();
    }
    fixture.journal.recover(JournalFixture.client(card));
    assertAgree(6000);
  }

  @Test
  void aCreditTheReaderHeldBackAndCalledRefusedCannotLandLater() throws Exception {
    List<CommandAPDU> heldBack = new ArrayList<>();
    PurseCard liar = PurseCard.over(new HoldingBackReader(card.channel(), 0x52, heldBack));
    liar.select();

    Throwable thrown = catchThrowable(() -> fixture.journal.credit(liar, TERMINAL, 700));
    ResponseAPDU late = card.channel().transmit(heldBack.get(0));

    assertThat(thrown).isNotNull();
    assertThat(late.getSW())
        .as("the held-back CREDIT is dead once the hold is voided")
        .isNotEqualTo(0x9000);
    fixture.journal.recover(JournalFixture.client(card));
    assertAgree(JournalFixture.client(card).balance().amount());
  }

  @Test
  void aReaderThatUnderstatesTheCounterDuringRecoveryCannotVoidAnAppliedCredit() {
    PurseCard session = JournalFixture.client(card);
    CreditIntent intent = fixture.journal.intend(session, TERMINAL, 700);
    fixture.journal.load(session, intent);
    card.powerCycle();
    fixture.restart();
    PurseCard liar =
        PurseCard.over(LyingReader.over(card.channel(), LyingReaderTest::counterMinusOne));

    Throwable unused = catchThrowable(() -> fixture.journal.recover(liar));

    assertThat(fixture.ledger.transfer(intent.hold()).orElseThrow().holdState())
        .isNotEqualTo(HoldState.VOIDED);
    fixture.journal.recover(JournalFixture.client(card));
    assertAgree(1700);
  }

  /** Lowers the transaction counter by one wherever the reader sees it in an answer. */
  private static ResponseAPDU counterMinusOne(CommandAPDU command, ResponseAPDU answer) {
    byte[] data = answer.getData();
    int offset;
    if (command.getINS() == 0xCA && command.getP2() == 0x03) {
      offset = 0;
    } else if (command.getINS() == 0x58 && data.length > 0) {
      offset = StatusLayout.COUNTER;
    } else {
      return answer;
    }
    long counter = 0;
    for (int i = 0; i < 4; i++) {
      counter = (counter << 8) | (data[offset + i] & 0xFF);
    }
    counter--;
    for (int i = 3; i >= 0; i--) {
      data[offset + i] = (byte) counter;
      counter >>>= 8;
    }
    byte[] bytes = Arrays.copyOf(data, data.length + 2);
    bytes[data.length] = (byte) answer.getSW1();
    bytes[data.length + 1] = (byte) answer.getSW2();
    return new ResponseAPDU(bytes);
  }

  private long openOrCapturedHolds() {
    return fixture
        .ledger
        .transfers(fixture.journal.shadowAccount(dev.idsettle.card.CardId.parse(DIGITS)), 0, 100)
        .stream()
        .filter(t -> t.holdState() == HoldState.OPEN || t.holdState() == HoldState.CAPTURED)
        .filter(t -> t.amount() == 5000)
        .count();
  }

  private void assertAgree(long balance) {
    assertThat(JournalFixture.client(card).balance().amount()).isEqualTo(balance);
    assertThat(fixture.shadow(DIGITS)).isEqualTo(balance);
    fixture.assertLedgerBalances(List.of(DIGITS), List.of(TERMINAL));
  }

  /** Where the counter sits in the authenticated status answer. */
  private static final class StatusLayout {
    static final int COUNTER = 16;
  }

  /** A reader that keeps commands with instruction {@code ins} for later and answers 6A84. */
  private static final class HoldingBackReader extends javax.smartcardio.CardChannel {
    private final javax.smartcardio.CardChannel card;
    private final int ins;
    private final List<CommandAPDU> heldBack;

    HoldingBackReader(javax.smartcardio.CardChannel card, int ins, List<CommandAPDU> heldBack) {
      this.card = card;
      this.ins = ins;
      this.heldBack = heldBack;
    }

    @Override
    public javax.smartcardio.Card getCard() {
      return card.getCard();
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws javax.smartcardio.CardException {
      if (command.getINS() == ins) {
        heldBack.add(command);
        return new ResponseAPDU(new byte[] {0x6A, (byte) 0x84});
      }
      return card.transmit(command);
    }

    @Override
    public int transmit(java.nio.ByteBuffer command, java.nio.ByteBuffer response) {
      throw new UnsupportedOperationException("not used by PurseCard");
    }

    @Override
    public void close() {}
  }
}
