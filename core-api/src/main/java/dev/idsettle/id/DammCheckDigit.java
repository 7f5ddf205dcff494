package dev.idsettle.id;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;

/**
 * The Damm check digit: one table look-up per digit over a weakly totally anti-symmetric quasigroup
 * of order 10. Unlike Luhn it catches every single-digit error and every swap of two adjacent
 * digits.
 */
public final class DammCheckDigit {
  private static final byte[][] TABLE = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
    {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
    {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
    {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
    {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
    {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
    {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
  };

  private DammCheckDigit() {}

  /**
   * Returns the check digit to append to {@code digits}.
   *
   * @param digits ASCII digits only
   */
  public static char compute(CharSequence digits) {
    return (char) ('0' + interim(digits));
  }

  /** Returns whether {@code digitsWithCheck} (ASCII digits, check digit last) is consistent. */
  public static boolean isValid(CharSequence digitsWithCheck) {
    return interim(digitsWithCheck) == 0;
  }

  private static int interim(CharSequence digits) {
    Checks.notNull(digits, "digits");
    int state = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new InvalidRequestException("character at position " + (i + 1) + " is not a digit");
      }
      state = TABLE[state][d];
    }
    return state;
  }
}
