package dev.idsettle.card.testing;

import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A reader (or relay) that the host cannot trust: it forwards every command to the card, may alter
 * the command on the way, and may rewrite the card's answer before the host sees it.
 */
public final class LyingReader extends CardChannel {

  private final CardChannel card;
  private final UnaryOperator<CommandAPDU> alter;
  private final BiFunction<CommandAPDU, ResponseAPDU, ResponseAPDU> lie;

  private LyingReader(
      CardChannel card,
      UnaryOperator<CommandAPDU> alter,
      BiFunction<CommandAPDU, ResponseAPDU, ResponseAPDU> lie) {
    this.card = card;
    this.alter = alter;
    this.lie = lie;
  }

  /** A reader that forwards to {@code card} what {@code alter} makes of each command. */
  public static LyingReader altering(CardChannel card, UnaryOperator<CommandAPDU> alter) {
    return new LyingReader(card, alter, (command, answer) -> answer);
  }

  /** A reader that forwards to {@code card} and answers what {@code lie} makes of each answer. */
  public static LyingReader over(
      CardChannel card, BiFunction<CommandAPDU, ResponseAPDU, ResponseAPDU> lie) {
    return new LyingReader(card, UnaryOperator.identity(), lie);
  }

  /** Answers {@code statusWord} (no data) to every command with instruction {@code ins}. */
  public static BiFunction<CommandAPDU, ResponseAPDU, ResponseAPDU> refusing(
      int ins, int statusWord) {
    return (command, answer) ->
        command.getINS() == ins
            ? new ResponseAPDU(new byte[] {(byte) (statusWord >> 8), (byte) statusWord})
            : answer;
  }

  @Override
  public Card getCard() {
    return card.getCard();
  }

  @Override
  public int getChannelNumber() {
    return card.getChannelNumber();
  }

  @Override
  public ResponseAPDU transmit(CommandAPDU command) throws CardException {
    CommandAPDU sent = alter.apply(command);
    return lie.apply(sent, card.transmit(sent));
  }

  @Override
  public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
    byte[] bytes = new byte[command.remaining()];
    command.get(bytes);
    byte[] answer = transmit(new CommandAPDU(bytes)).getBytes();
    response.put(answer);
    return answer.length;
  }

  @Override
  public void close() throws CardException {
    card.close();
  }
}
