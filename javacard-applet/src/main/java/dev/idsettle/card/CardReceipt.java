package dev.idsettle.card;

/**
 * What a card returns for a CREDIT or a DEBIT, as the card claims it: not yet verified. Only the
 * issuer, who holds the card's receipt key, can turn it into a {@link VerifiedReceipt} with {@link
 * CardIssuer#verify(CardReceipt)}; a terminal can neither check nor forge one.
 *
 * @param kind credit or debit
 * @param keyVersion the version of the keys the card was personalised with
 * @param cardId the card that made it
 * @param counter the card's transaction counter after this transaction; it goes up by one per
 *     credit or debit, so it identifies the transaction on that card
 * @param amount minor units credited or debited
 * @param newBalance the balance after the transaction
 * @param nonce the terminal's nonce for a debit, the card's challenge for a credit
 * @param payee the tag of the service and terminal that asked for a debit ({@link Payee#tag()});
 *     {@link PayeeTag#NONE} for a credit
 * @param mac the card's AES-CMAC over all the above
 */
public record CardReceipt(
    Kind kind,
    int keyVersion,
    CardId cardId,
    long counter,
    long amount,
    long newBalance,
    long nonce,
    PayeeTag payee,
    Mac mac) {

  /** Length of the receipt as the card sends it. */
  static final int LENGTH = 64;

  private static final int MAC_OFFSET = 48;

  /** Which command produced a receipt; the code is its instruction byte. */
  public enum Kind {
    /** An issuer-authorised credit. */
    CREDIT(0x52),
    /** A debit by a terminal. */
    DEBIT(0x54);

    private final int ins;

    Kind(int ins) {
      this.ins = ins;
    }

    int ins() {
      return ins;
    }
  }

  /**
   * Reads a receipt as a card sends it.
   *
   * @throws CardProtocolException if the bytes are not a receipt of this applet
   */
  static CardReceipt parse(byte[] data) {
    return parse(data, 0, data.length);
  }

  static CardReceipt parse(byte[] data, int offset, int length) {
    if (length != LENGTH) {
      throw new CardProtocolException(
          "a receipt has " + LENGTH + " bytes, the card sent " + length);
    }
    Kind kind = kindOf(data[offset]);
    return new CardReceipt(
        kind,
        data[offset + 1] & 0xFF,
        CardAnswers.cardId("receipt", data, offset + 2),
        Bytes.u32(data, offset + 12),
        Bytes.u32(data, offset + 16),
        Bytes.u32(data, offset + 20),
        Bytes.u64(data, offset + 24),
        PayeeTag.at(data, offset + 32),
        Mac.at(data, offset + MAC_OFFSET));
  }

  private static Kind kindOf(byte code) {
    for (Kind k : Kind.values()) {
      if ((byte) k.ins == code) {
        return k;
      }
    }
    throw new CardProtocolException("receipt: unknown kind " + (code & 0xFF));
  }

  /** The bytes as the card sends them: the MAC input, then the MAC. */
  byte[] toBytes() {
    byte[] bytes = new byte[LENGTH];
    System.arraycopy(macInput(), 0, bytes, 0, MAC_OFFSET);
    System.arraycopy(mac.bytes(), 0, bytes, MAC_OFFSET, AesCmac.LENGTH);
    return bytes;
  }

  /**
   * The bytes the card MACs: kind, key version, card ID, counter, amount, balance, nonce, payee.
   */
  byte[] macInput() {
    byte[] input = new byte[MAC_OFFSET];
    input[0] = (byte) kind.ins;
    input[1] = (byte) keyVersion;
    System.arraycopy(cardId.toBcd(), 0, input, 2, CardId.BCD_LENGTH);
    Bytes.putU32(input, 12, counter);
    Bytes.putU32(input, 16, amount);
    Bytes.putU32(input, 20, newBalance);
    Bytes.putU64(input, 24, nonce);
    payee.writeTo(input, 32);
    return input;
  }
}
