package dev.idsettle.card;

import java.util.HexFormat;

/**
 * The prepaid ID number a card carries: 1 to 20 decimal digits, kept on the card as ten bytes of
 * packed BCD padded with 0xF nibbles.
 *
 * @param digits the digits only, no separators
 */
public record CardId(String digits) {

  /** Number of bytes of the ID on the card. */
  public static final int BCD_LENGTH = 10;

  /** Checks the digits. */
  public CardId {
    if (digits.isEmpty()
        || digits.length() > 2 * BCD_LENGTH
        || !digits.chars().allMatch(CardId::isDigit)) {
      throw new IllegalArgumentException(
          "card ID: expected 1 to 20 decimal digits, got \"" + digits + "\"");
    }
  }

  /**
   * Parses an ID as printed or typed, ignoring spaces and dashes.
   *
   * @throws IllegalArgumentException if what remains is not 1 to 20 digits
   */
  public static CardId parse(String text) {
    return new CardId(text.replaceAll("[\\s-]", ""));
  }

  /** Reads the ten-byte BCD form the card keeps. */
  public static CardId fromBcd(byte[] bcd) {
    if (bcd.length != BCD_LENGTH) {
      throw new IllegalArgumentException(
          "card ID: expected " + BCD_LENGTH + " bytes of BCD, got " + bcd.length);
    }
    String hex = HexFormat.of().formatHex(bcd);
    int end = hex.indexOf('f');
    return new CardId(end < 0 ? hex : hex.substring(0, end));
  }

  /** Returns the ten-byte BCD form, digits first and 0xF nibbles after them. */
  public byte[] toBcd() {
    String padded = digits + "f".repeat(2 * BCD_LENGTH - digits.length());
    return HexFormat.of().parseHex(padded);
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String toString() {
    return digits;
  }
}
