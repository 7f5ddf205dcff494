package dev.idsettle.card;

import java.util.HexFormat;

/**
 * The prepaid ID number a card carries: 1 to 20 decimal digits, kept on the card as ten bytes of
 * packed BCD padded with 0xF nibbles.
 *
 * <p>{@link #toString()} masks all but the last four digits; {@link #digits()} is the full number.
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
          "card ID: expected 1 to 20 decimal digits, got "
              + digits.length()
              + " characters that are not all digits or too many");
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

  /** The last four digits behind asterisks: what logs and messages show of a card ID. */
  public String masked() {
    int visible = Math.min(4, digits.length());
    return "*".repeat(digits.length() - visible) + digits.substring(digits.length() - visible);
  }

  /** The masked form ({@link #masked()}): a full card ID never reaches a log. */
  @Override
  public String toString() {
    return masked();
  }
}
