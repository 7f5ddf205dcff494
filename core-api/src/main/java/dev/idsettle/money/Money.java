package dev.idsettle.money;

import dev.idsettle.internal.Checks;
import java.util.Currency;

/**
 * An amount in the minor units of a currency (cents for EUR, yen for JPY). Exact: there is no
 * floating point anywhere, and an overflow throws {@link MoneyException} instead of wrapping.
 *
 * @param minor the amount in minor units; may be negative (an operator account's balance)
 * @param currency the ISO 4217 currency
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {
  /**
   * Requires a currency.
   *
   * @throws MoneyException if {@code currency} is null
   */
  public Money {
    if (currency == null) {
      throw new MoneyException("currency must not be null");
    }
  }

  /**
   * {@code minor} units of the currency with ISO code {@code currencyCode}.
   *
   * @throws MoneyException if {@code currencyCode} is not an ISO 4217 code
   */
  public static Money of(long minor, String currencyCode) {
    return new Money(minor, currency(currencyCode));
  }

  /**
   * The currency with ISO 4217 code {@code code}.
   *
   * @throws MoneyException naming the code if there is none such
   */
  public static Currency currency(String code) {
    Checks.notNull(code, "currencyCode");
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new MoneyException(
          "currencyCode must be an ISO 4217 code such as \"EUR\", was " + Checks.quote(code));
    }
  }

  /** {@code minor} units of {@code currency}. */
  public static Money of(long minor, Currency currency) {
    return new Money(minor, currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /** The sum; throws {@link MoneyException} on overflow or a currency mismatch. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minor, other.minor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyException("sum of " + this + " and " + other + " overflows");
    }
  }

  /** The difference; throws {@link MoneyException} on overflow or a currency mismatch. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(minor, other.minor), currency);
    } catch (ArithmeticException e) {
      throw new MoneyException("difference of " + this + " and " + other + " overflows");
    }
  }

  /** Whether the amount is greater than zero. */
  public boolean isPositive() {
    return minor > 0;
  }

  /**
   * Compares two amounts of one currency.
   *
   * @throws MoneyException if {@code other} is in another currency: amounts of two currencies have
   *     no order
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  /** Throws {@link MoneyException} unless {@code other} is in this currency. */
  public void requireSameCurrency(Money other) {
    Checks.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new MoneyException(
          "currency mismatch: "
              + currency.getCurrencyCode()
              + " and "
              + other.currency.getCurrencyCode());
    }
  }

  /** The amount in major units with the currency's decimals, e.g. {@code EUR 12.34}. */
  @Override
  public String toString() {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    String sign = minor < 0 ? "-" : "";
    String abs = minor == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(minor));
    if (digits == 0) {
      return currency.getCurrencyCode() + " " + sign + abs;
    }
    String padded = "0".repeat(Math.max(0, digits + 1 - abs.length())) + abs;
    int cut = padded.length() - digits;
    return currency.getCurrencyCode()
        + " "
        + sign
        + padded.substring(0, cut)
        + "."
        + padded.substring(cut);
  }
}
