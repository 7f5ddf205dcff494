package dev.idsettle.metering;

import java.util.Objects;

/**
 * One line of an itemized charge: the connection fee, a run of identical increments, or the top-up
 * to the minimum charge. The amounts of a charge's items add up to its total.
 *
 * @param kind what the line is
 * @param rate the name of the rate that priced it
 * @param from the first unit it covers (0 for the fee and the minimum)
 * @param increment units per increment (0 for the fee and the minimum)
 * @param count how many increments (1 for the fee and the minimum)
 * @param unitPrice the exact price of one increment (of the fee, of the minimum top-up)
 * @param amount what this line adds to the charge, in minor units
 */
public record ChargeItem(
    Kind kind, String rate, long from, long increment, long count, Exact unitPrice, long amount) {

  /** Checks the fields. */
  public ChargeItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(unitPrice, "unitPrice");
  }

  /** What a line of a charge is. */
  public enum Kind {
    /** The connection fee, charged once with the first increment. */
    CONNECTION,
    /** A run of increments of one rate and one length. */
    INCREMENTS,
    /** What the charge lacked to reach the minimum charge. */
    MINIMUM
  }

  /** The line in words, for an operator asking why a session cost what it cost. */
  public String explain() {
    return switch (kind) {
      case CONNECTION -> "connection fee (" + rate + "): " + unitPrice + " -> " + amount;
      case MINIMUM -> "minimum charge (" + rate + ") top-up: " + amount;
      case INCREMENTS ->
          "units "
              + from
              + " to "
              + (from + count * increment)
              + ": "
              + count
              + " x "
              + increment
              + " at "
              + unitPrice
              + " ("
              + rate
              + ") -> "
              + amount;
    };
  }
}
