package dev.idsettle.card;

import java.util.Currency;

/**
 * Reads the fields a card sends. A card (or a reader in between) may send anything: every check
 * here fails with a {@link CardProtocolException} naming the field, never with another exception,
 * and never quotes a card ID.
 */
final class CardAnswers {

  private CardAnswers() {}

  static void requireLength(String what, byte[] data, int length) {
    if (data.length != length) {
      throw new CardProtocolException(
          what + ": the card answered " + data.length + " bytes, expected " + length);
    }
  }

  /** Reads a card ID: ten bytes of packed BCD, 1 to 20 digits, then only 0xF nibbles. */
  static CardId cardId(String what, byte[] data, int offset) {
    StringBuilder digits = new StringBuilder(2 * CardId.BCD_LENGTH);
    boolean padding = false;
    for (int i = 0; i < 2 * CardId.BCD_LENGTH; i++) {
      int nibble = nibble(data, offset, i);
      if (nibble == 0xF && i > 0) {
        padding = true;
      } else if (padding || nibble > 9) {
        throw new CardProtocolException(what + ": the card ID is not packed BCD");
      } else {
        digits.append((char) ('0' + nibble));
      }
    }
    return new CardId(digits.toString());
  }

  /** Reads an ISO 4217 numeric code as two BCD bytes 0x0NNN and finds its currency. */
  static Currency currency(String what, byte[] data, int offset) {
    int numeric = 0;
    for (int i = 0; i < 4; i++) {
      int nibble = nibble(data, offset, i);
      if (nibble > 9 || (i == 0 && nibble != 0)) {
        throw new CardProtocolException(what + ": the currency is not a BCD ISO 4217 code");
      }
      numeric = numeric * 10 + nibble;
    }
    int code = numeric;
    return Currency.getAvailableCurrencies().stream()
        .filter(c -> c.getNumericCode() == code)
        .findFirst()
        .orElseThrow(
            () -> new CardProtocolException(what + ": the card holds unknown currency " + code));
  }

  private static int nibble(byte[] data, int offset, int index) {
    int value = data[offset + index / 2] & 0xFF;
    return index % 2 == 0 ? value >>> 4 : value & 0x0F;
  }
}
