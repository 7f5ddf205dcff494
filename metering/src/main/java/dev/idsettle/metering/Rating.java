package dev.idsettle.metering;

import dev.idsettle.metering.internal.RateWalk;
import java.util.Currency;

/**
 * The price of a session's usage as a function of the units used (seconds of a call, megabytes,
 * minutes parked): monotonic, zero for no usage. The session engine reserves, captures and itemizes
 * through it, whatever the service.
 */
public interface Rating {
  /** What {@link #nextBoundary} answers when no further increment can be priced. */
  long NO_BOUNDARY = -1;

  /**
   * The charge for {@code units} used, in minor units: every started increment billed whole.
   *
   * @throws UnratedException if some of that usage has no rate (e.g. outside every rate's hours)
   */
  long charge(long units);

  /**
   * The end of the first increment that ends after {@code units}, or {@link #NO_BOUNDARY} if it has
   * no rate.
   */
  long nextBoundary(long units);

  /**
   * The itemized charge for {@code units}.
   *
   * @throws UnratedException if some of that usage has no rate
   */
  Charge itemize(long units);

  /** The name of the rate that prices the session's first unit. */
  String rateName();

  /**
   * The furthest increment boundary {@code b} with {@code used < b <= used + maxUnits} whose extra
   * charge over {@code used} fits {@code budget}; if even the first boundary after {@code used}
   * lies beyond {@code used + maxUnits}, that boundary when its charge fits. {@link #NO_BOUNDARY}
   * if not even that fits.
   */
  default long grantEnd(long used, long maxUnits, long budget) {
    long base = charge(used);
    long limit = used + maxUnits;
    long b = nextBoundary(used);
    if (b == NO_BOUNDARY || charge(b) - base > budget) {
      return NO_BOUNDARY;
    }
    while (true) {
      long next = nextBoundary(b);
      if (next == NO_BOUNDARY || next > limit || charge(next) - base > budget) {
        return b;
      }
      b = next;
    }
  }

  /**
   * A rating by one {@link Rate} whatever the time, with exact sums rounded by {@code rounding}.
   */
  static Rating of(Rate rate, Rounding rounding, Currency currency) {
    return new RateWalk(unit -> rate, rate.denominators(), rounding, currency);
  }
}
