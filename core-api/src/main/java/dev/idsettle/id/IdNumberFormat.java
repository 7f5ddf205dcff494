package dev.idsettle.id;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.MalformedIdException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The shape of ID numbers: how many digits, check digit included. Parses leniently (spaces and
 * dashes are ignored) and explains every rejection.
 *
 * @param length digits including the check digit, from 8 to 32
 */
public record IdNumberFormat(int length) {
  /** Minimum total length: below 8 digits guessing is far too easy. */
  public static final int MIN_LENGTH = 8;

  /** Maximum total length. */
  public static final int MAX_LENGTH = 32;

  /** 16 digits, check digit included. */
  public static final IdNumberFormat DEFAULT = new IdNumberFormat(16);

  /** Validates the length. */
  public IdNumberFormat {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidRequestException(
          "length must be between " + MIN_LENGTH + " and " + MAX_LENGTH + ", was " + length);
    }
  }

  /**
   * Parses {@code text}, ignoring spaces and dashes.
   *
   * @throws MalformedIdException saying which character, the length or the check digit is wrong;
   *     the message never contains the input; {@link Problem#EMPTY} for null
   */
  public IdNumber parse(@Nullable CharSequence text) {
    if (text == null) {
      throw new MalformedIdException(Problem.EMPTY, 0, "ID number is missing (null)");
    }
    StringBuilder digits = new StringBuilder(length);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-') {
        throw new MalformedIdException(
            Problem.INVALID_CHARACTER,
            i + 1,
            "ID number has "
                + describe(c)
                + " at position "
                + (i + 1)
                + ": only digits, spaces and dashes are allowed");
      }
    }
    if (digits.length() == 0) {
      throw new MalformedIdException(Problem.EMPTY, 0, "ID number is empty");
    }
    if (digits.length() != length) {
      throw new MalformedIdException(
          Problem.WRONG_LENGTH,
          0,
          "ID number has " + digits.length() + " digits, expected " + length);
    }
    if (!DammCheckDigit.isValid(digits)) {
      throw new MalformedIdException(
          Problem.CHECK_DIGIT_MISMATCH,
          0,
          "ID number ending "
              + digits.substring(length - 4)
              + " fails its check digit: a digit was mistyped or two digits were swapped");
    }
    return IdNumber.ofValidated(digits.toString());
  }

  private static String describe(char c) {
    if (Character.isISOControl(c) || Character.isWhitespace(c)) {
      return String.format("a control or space character U+%04X", (int) c);
    }
    return "the character '" + c + "'";
  }
}
