package dev.idsettle.id;

import org.jspecify.annotations.Nullable;

/**
 * A prepaid ID number: decimal digits whose last digit is a Damm check digit.
 *
 * <p>{@link #toString()} shows only the last four digits, so an {@code IdNumber} can be logged or
 * put in an exception message safely. The full number is available from {@link #digits()} and
 * {@link #formatted()}, for printing on a slip and for nothing else.
 */
public final class IdNumber {
  private final String digits;

  private IdNumber(String digits) {
    this.digits = digits;
  }

  /**
   * Parses a 16-digit ID number leniently: spaces and dashes are ignored.
   *
   * @throws MalformedIdException saying which character, the length or the check digit is wrong, or
   *     that the text is missing (null)
   */
  public static IdNumber parse(@Nullable CharSequence text) {
    return IdNumberFormat.DEFAULT.parse(text);
  }

  /** Wraps digits already validated by an {@link IdNumberFormat}. */
  static IdNumber ofValidated(String digits) {
    return new IdNumber(digits);
  }

  /** The full number, check digit included, without separators. Never log it. */
  public String digits() {
    return digits;
  }

  /** The number of digits, check digit included. */
  public int length() {
    return digits.length();
  }

  /** The full number in groups of four separated by spaces, for printing. Never log it. */
  public String formatted() {
    return group(digits);
  }

  /** The last four digits behind asterisks, grouped like {@link #formatted()}. */
  public String masked() {
    int visible = Math.min(4, digits.length());
    String hidden = "*".repeat(digits.length() - visible);
    return group(hidden + digits.substring(digits.length() - visible));
  }

  static String group(String s) {
    StringBuilder out = new StringBuilder(s.length() + s.length() / 4);
    // groups are counted from the left, so a 16-digit number prints as 4 x 4
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(s.charAt(i));
    }
    return out.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IdNumber other && other.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  /** The masked form: a full ID number never reaches a log. */
  @Override
  public String toString() {
    return masked();
  }
}
