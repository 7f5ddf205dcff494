package dev.idsettle.card;

import java.util.Optional;

/**
 * The card's state as the authenticated status command answers it, MAC'd by the card with its
 * receipt key over the host's nonce: not yet verified. {@link CardIssuer#verify(CardStatement,
 * long)} checks the MAC and the nonce; only then can it decide anything about money. Reading it
 * also used up any challenge on the card, so a credit not applied when it was read never will be.
 *
 * @param keyVersion the version of the card's keys
 * @param cardId the card
 * @param balance minor units on the card
 * @param counter the transaction counter
 * @param lifecycle where the card is in its life
 * @param lastReceipt the receipt of the card's last credit or debit, if any
 * @param nonce the host's nonce the card echoed
 * @param mac the card's AES-CMAC over all the above
 */
public record CardStatement(
    int keyVersion,
    CardId cardId,
    long balance,
    long counter,
    Lifecycle lifecycle,
    Optional<CardReceipt> lastReceipt,
    long nonce,
    Mac mac) {

  /** Length of the answer as the card sends it. */
  static final int LENGTH = 109;

  static final int INS = 0x58;
  private static final int LAST = 21;
  private static final int NONCE = 85;
  private static final int MAC_OFFSET = 93;

  /**
   * Reads the answer to the status command.
   *
   * @throws CardProtocolException if the bytes are not such an answer
   */
  static CardStatement parse(byte[] data) {
    CardAnswers.requireLength("STATUS", data, LENGTH);
    if ((data[0] & 0xFF) != INS) {
      throw new CardProtocolException("STATUS: unknown kind " + (data[0] & 0xFF));
    }
    boolean none = true;
    for (int i = LAST; i < NONCE; i++) {
      none &= data[i] == 0;
    }
    return new CardStatement(
        data[1] & 0xFF,
        CardAnswers.cardId("STATUS", data, 2),
        Bytes.u32(data, 12),
        Bytes.u32(data, 16),
        Lifecycle.fromCode(data[20]),
        none ? Optional.empty() : Optional.of(CardReceipt.parse(data, LAST, NONCE - LAST)),
        Bytes.u64(data, NONCE),
        Mac.at(data, MAC_OFFSET));
  }

  /** The bytes the card MACs. */
  byte[] macInput() {
    byte[] input = new byte[MAC_OFFSET];
    input[0] = (byte) INS;
    input[1] = (byte) keyVersion;
    System.arraycopy(cardId.toBcd(), 0, input, 2, CardId.BCD_LENGTH);
    Bytes.putU32(input, 12, balance);
    Bytes.putU32(input, 16, counter);
    input[20] = (byte) lifecycle.code();
    lastReceipt.ifPresent(r -> System.arraycopy(r.toBytes(), 0, input, LAST, CardReceipt.LENGTH));
    Bytes.putU64(input, NONCE, nonce);
    return input;
  }
}
