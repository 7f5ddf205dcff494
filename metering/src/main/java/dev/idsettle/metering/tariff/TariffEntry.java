package dev.idsettle.metering.tariff;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.metering.Rate;
import java.util.Objects;

/**
 * One line of a rate table: destinations starting with {@code prefix} are priced by {@code rate}
 * when {@code validity} covers the time.
 *
 * @param prefix 1 to 32 digits
 * @param rate the rate
 * @param validity when it applies
 */
public record TariffEntry(String prefix, Rate rate, Validity validity) {
  /** Checks the prefix. */
  public TariffEntry {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(validity, "validity");
    if (!isDigits(prefix)) {
      throw new InvalidRequestException("prefix must be 1 to 32 digits");
    }
  }

  static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
