package dev.idsettle.sheets;

import dev.idsettle.ledger.ExpiryPolicy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/** The printed forms of amounts and expiry, exact and the same in the PDF and the CSV. */
final class Texts {
  private Texts() {}

  /** {@code minor} in major units with the currency's decimals, e.g. {@code 12.34}; exact. */
  static String amount(long minor, Currency currency) {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    String sign = minor < 0 ? "-" : "";
    String abs = minor == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(minor));
    if (digits == 0) {
      return sign + abs;
    }
    String padded = "0".repeat(Math.max(0, digits + 1 - abs.length())) + abs;
    int cut = padded.length() - digits;
    return sign + padded.substring(0, cut) + "." + padded.substring(cut);
  }

  /**
   * The expiry as printed: an ISO date ({@code 2027-12-31}, the day in {@code zone} on which the
   * instant falls), {@code 365 days after activation}, {@code 30 days after first use} or {@code
   * never}.
   */
  static String expiry(ExpiryPolicy policy, ZoneId zone) {
    if (policy instanceof ExpiryPolicy.At at) {
      return LocalDate.ofInstant(at.instant(), zone).toString();
    }
    if (policy instanceof ExpiryPolicy.AfterActivation a) {
      return days(a.days()) + " after activation";
    }
    if (policy instanceof ExpiryPolicy.AfterFirstUse f) {
      return days(f.days()) + " after first use";
    }
    return "never";
  }

  private static String days(int days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
