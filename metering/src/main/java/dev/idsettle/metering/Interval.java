package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import java.util.Objects;

/**
 * From unit {@code from} of a session on, usage is billed in whole increments of {@code increment}
 * units, each at {@code price} (e.g. from second 0 in one increment of 30 s at 10.5 cents, from
 * second 30 in increments of 6 s at 2.1 cents). A started increment is billed whole.
 *
 * @param from the first unit this interval applies to (0 for the first interval)
 * @param increment units per increment, positive
 * @param price the exact price of one increment, in minor units
 */
public record Interval(long from, long increment, Exact price) {
  /** Validates the fields. */
  public Interval {
    Objects.requireNonNull(price, "price");
    if (from < 0) {
      throw new InvalidRequestException("interval from must not be negative, was " + from);
    }
    if (increment <= 0) {
      throw new InvalidRequestException("interval increment must be positive, was " + increment);
    }
  }

  /**
   * The interval of increments of {@code increment} units priced at {@code rate} per {@code per}
   * units (21 cents per 60 s over 6 s increments: 2.1 cents each), kept exact.
   */
  public static Interval perUnit(long from, long increment, Exact rate, long per) {
    if (per <= 0) {
      throw new InvalidRequestException("rate unit (per) must be positive, was " + per);
    }
    return new Interval(from, increment, rate.times(increment, per));
  }
}
