package dev.idsettle.cli;

import dev.idsettle.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An amount as typed, in major units ({@code 12.50}); made {@link Money} once the ledger's currency
 * is known, never through floating point.
 *
 * @param value the decimal typed, positive
 * @param text what was typed, for messages
 */
record Amount(BigDecimal value, String text) {
  /** The amount in {@code currency}, or a bad-input failure naming {@code option}. */
  Money in(Currency currency, String option) {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (value.stripTrailingZeros().scale() > digits) {
      throw CliException.badInput(
          option
              + ": '"
              + text
              + "' has more decimals than "
              + currency.getCurrencyCode()
              + " allows ("
              + digits
              + ")");
    }
    try {
      return Money.of(value.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw CliException.badInput(option + ": '" + text + "' is too large");
    }
  }

  /** Parses a positive decimal in major units, e.g. {@code 5}, {@code 12.50}. */
  static final class Converter implements ITypeConverter<Amount> {
    @Override
    public Amount convert(String text) {
      return parse(text);
    }
  }

  static Amount parse(String text) {
    if (!text.matches("\\d{1,15}(\\.\\d{1,6})?")) {
      throw new TypeConversionException(
          "'"
              + shorten(text)
              + "' is not an amount: expected a positive number in major units, e.g. 12.50");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() <= 0) {
      throw new TypeConversionException("'" + text + "' is not an amount: it must be positive");
    }
    return new Amount(value, text);
  }

  static String shorten(String text) {
    String s = text.length() > 30 ? text.substring(0, 30) + "..." : text;
    return Mask.scrub(s.replaceAll("\\p{Cntrl}", "?"));
  }
}
