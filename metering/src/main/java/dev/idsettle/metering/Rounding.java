package dev.idsettle.metering;

/**
 * How an exact amount becomes minor units. A rating applies it at one point only: to the running
 * exact total at the end of each increment, so that the itemized increments are differences of
 * rounded totals and always add up to the charge (the drift of a whole call stays under one minor
 * unit, where rounding each increment alone would drift by up to one unit per increment).
 */
public enum Rounding {
  /** Towards the higher amount (the operator never undercharges). */
  UP,
  /** Towards the lower amount (the user never overpays). */
  DOWN,
  /** To the nearest; halves go up. */
  HALF_UP;

  /** {@code numerator / denominator} (both non-negative) rounded to a whole number. */
  public long apply(long numerator, long denominator) {
    long q = numerator / denominator;
    long r = numerator % denominator;
    return switch (this) {
      case UP -> r == 0 ? q : q + 1;
      case DOWN -> q;
      case HALF_UP -> r * 2 >= denominator ? q + 1 : q;
    };
  }
}
