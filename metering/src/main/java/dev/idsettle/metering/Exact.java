package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import java.math.BigInteger;

/**
 * An exact amount in minor units that may be finer than one (0.35 cents, 7/60 of a cent): a reduced
 * fraction of two longs, never floating point. Prices declare themselves in it; a {@link Rounding}
 * turns a sum of them into minor units at one declared point.
 *
 * @param numerator the numerator (not negative)
 * @param denominator the denominator (positive)
 */
public record Exact(long numerator, long denominator) {
  /** Zero. */
  public static final Exact ZERO = new Exact(0, 1);

  /** Requires a non-negative numerator and a positive denominator, and reduces the fraction. */
  public Exact {
    if (numerator < 0) {
      throw new InvalidRequestException("an exact amount must not be negative, was " + numerator);
    }
    if (denominator <= 0) {
      throw new InvalidRequestException("denominator must be positive, was " + denominator);
    }
    long g = gcd(numerator, denominator);
    numerator /= g;
    denominator /= g;
  }

  /** {@code minor} whole minor units. */
  public static Exact of(long minor) {
    return new Exact(minor, 1);
  }

  /**
   * Parses {@code "2"}, {@code "2.1"} or {@code "7/60"} (minor units).
   *
   * @throws InvalidRequestException naming what was wrong
   */
  public static Exact parse(String text) {
    String t = text.strip();
    try {
      int slash = t.indexOf('/');
      if (slash >= 0) {
        return new Exact(digits(t.substring(0, slash)), digits(t.substring(slash + 1)));
      }
      int dot = t.indexOf('.');
      if (dot < 0) {
        return new Exact(digits(t), 1);
      }
      String fraction = t.substring(dot + 1);
      if (fraction.length() > 12) {
        throw new InvalidRequestException("more than 12 decimals in \"" + text + "\"");
      }
      long den = BigInteger.TEN.pow(fraction.length()).longValueExact();
      long whole = dot == 0 ? 0 : digits(t.substring(0, dot));
      return new Exact(Math.addExact(Math.multiplyExact(whole, den), digits(fraction)), den);
    } catch (ArithmeticException e) {
      throw new InvalidRequestException("amount \"" + text + "\" is too large");
    }
  }

  private static long digits(String s) {
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidRequestException(
          "not a non-negative decimal or fraction of minor units: \"" + s + "\"");
    }
    if (s.length() > 18) {
      throw new InvalidRequestException("number \"" + s + "\" is too large");
    }
    return Long.parseLong(s);
  }

  /** This amount times {@code factor} divided by {@code divisor}, exactly. */
  public Exact times(long factor, long divisor) {
    long g1 = gcd(factor, denominator);
    long g2 = gcd(numerator, divisor);
    return new Exact(
        Math.multiplyExact(numerator / g2, factor / g1),
        Math.multiplyExact(denominator / g1, divisor / g2));
  }

  /** This amount in units of {@code 1 / scale} minor units; the scale must be a multiple. */
  public long scaled(long scale) {
    if (scale % denominator != 0) {
      throw new IllegalArgumentException("scale " + scale + " is not a multiple of " + denominator);
    }
    return Math.multiplyExact(numerator, scale / denominator);
  }

  /** The least common multiple of two denominators. */
  public static long lcm(long a, long b) {
    return Math.multiplyExact(a / gcd(a, b), b);
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }

  @Override
  public String toString() {
    return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
  }
}
