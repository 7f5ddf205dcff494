package dev.idsettle.card;

import java.util.Arrays;

/**
 * What a card returns for a CREDIT or a DEBIT, as the card claims it: not yet verified. Only the
 * issuer, who holds the card's receipt key, can turn it into a {@link VerifiedReceipt} with {@link
 * IssuerKeys#verify(CardReceipt)}; a terminal can neither check nor forge one.
 *
 * @param kind credit or debit
 * @param cardId the card that made it
 * @param counter the card's transaction counter after this transaction; it goes up by one per
 *     credit or debit, so it identifies the transaction on that card
 * @param amount minor units credited or debited
 * @param newBalance the balance after the transaction
 * @param nonce the terminal's nonce for a debit, the card's challenge for a credit
 * @param mac the card's AES-CMAC over all the above
 */
public record CardReceipt(
    Kind kind, CardId cardId, long counter, long amount, long newBalance, long nonce, Mac mac) {

  /** Length of the receipt as the card sends it. */
  static final int LENGTH = 47;

  private static final int MAC_OFFSET = 31;

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

  static CardReceipt parse(byte[] data) {
    if (data.length != LENGTH) {
      throw new CardProtocolException(
          "a receipt has " + LENGTH + " bytes, the card sent " + data.length);
    }
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> (byte) k.ins == data[0])
            .findFirst()
            .orElseThrow(
                () -> new CardProtocolException("unknown receipt kind " + (data[0] & 0xFF)));
    return new CardReceipt(
        kind,
        CardId.fromBcd(Arrays.copyOfRange(data, 1, 11)),
        Bytes.u32(data, 11),
        Bytes.u32(data, 15),
        Bytes.u32(data, 19),
        Bytes.u64(data, 23),
        Mac.of(Arrays.copyOfRange(data, MAC_OFFSET, LENGTH)));
  }

  /** The bytes the card MACs: kind, card ID, counter, amount, new balance, nonce. */
  byte[] macInput() {
    byte[] input = new byte[MAC_OFFSET];
    input[0] = (byte) kind.ins;
    System.arraycopy(cardId.toBcd(), 0, input, 1, CardId.BCD_LENGTH);
    Bytes.putU32(input, 11, counter);
    Bytes.putU32(input, 15, amount);
    Bytes.putU32(input, 19, newBalance);
    Bytes.putU64(input, 23, nonce);
    return input;
  }
}
