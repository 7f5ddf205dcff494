package dev.idsettle.catalog;

import dev.idsettle.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's code: 128 bits, written as {@value #LENGTH} characters of Crockford's base 32 (digits
 * and capital letters without I, L, O and U), which is what the buyer shows and the venue types or
 * scans. It is a bearer secret: the store keeps only its keyed hash, and {@link #toString} shows
 * only its last four characters.
 *
 * @param value the {@value #LENGTH} characters, normalized
 */
public record TicketCode(String value) {
  /** The code's length in characters. */
  public static final int LENGTH = 26;

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** Requires a normalized code (see {@link #parse} for what people type). */
  public TicketCode {
    Text.required(value, "value");
    if (value.length() != LENGTH || !isCode(value)) {
      throw new InvalidRequestException(
          "value must be " + LENGTH + " characters of " + ALPHABET + " (use TicketCode.parse)");
    }
  }

  /**
   * Reads a code as a person types it: case, spaces and dashes ignored, {@code O} read as {@code
   * 0}, {@code I} and {@code L} as {@code 1}.
   *
   * @throws InvalidRequestException if it is not a code (the message never repeats it)
   */
  public static TicketCode parse(@Nullable String code) {
    String text = Text.required(code, "code");
    if (text.length() > 4 * LENGTH) {
      throw new InvalidRequestException("code is too long to be a ticket code");
    }
    StringBuilder b = new StringBuilder(LENGTH);
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toUpperCase(text.charAt(i));
      switch (c) {
        case ' ', '-' -> {}
        case 'O' -> b.append('0');
        case 'I', 'L' -> b.append('1');
        default -> b.append(c);
      }
    }
    String normalized = b.toString();
    if (normalized.length() != LENGTH || !isCode(normalized)) {
      throw new InvalidRequestException(
          "code must be " + LENGTH + " letters and digits of a ticket code");
    }
    return new TicketCode(normalized);
  }

  /** The 128 bits written as a code: 5 bits a character, the last two bits zero. */
  static TicketCode of(byte[] bits) {
    if (bits.length != 16) {
      throw new IllegalArgumentException("a ticket code has 16 bytes, not " + bits.length);
    }
    StringBuilder b = new StringBuilder(LENGTH);
    int buffer = 0;
    int held = 0;
    for (byte x : bits) {
      buffer = (buffer << 8) | (x & 0xff);
      held += 8;
      while (held >= 5) {
        b.append(ALPHABET.charAt((buffer >>> (held - 5)) & 31));
        held -= 5;
      }
    }
    b.append(ALPHABET.charAt((buffer << (5 - held)) & 31));
    return new TicketCode(b.toString());
  }

  /** The code in groups of five and six, easier to read out: {@code XXXXX-XXXXX-...}. */
  public String formatted() {
    return value.substring(0, 5)
        + '-'
        + value.substring(5, 10)
        + '-'
        + value.substring(10, 15)
        + '-'
        + value.substring(15, 20)
        + '-'
        + value.substring(20);
  }

  private static boolean isCode(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Masked: only the last four characters. */
  @Override
  public String toString() {
    return "TicketCode[****" + value.substring(LENGTH - 4) + "]";
  }
}
