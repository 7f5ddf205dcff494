package dev.idsettle.metering.internal;

import dev.idsettle.metering.Charge;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rating;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.UnratedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Rating} that walks a session increment by increment, each priced by the rate its source
 * gives for the unit it starts at, and keeps the running exact total in units of {@code 1 / scale}
 * minor units. The one rounding is of that running total at an increment's end, so a charge is
 * always the sum of its itemized lines. The increments found so far are kept, so a session's
 * repeated questions cost a binary search. Thread-safe.
 */
public final class RateWalk implements Rating {
  /** Which rate prices the increment starting at a unit; null when none does. */
  @FunctionalInterface
  public interface RateSource {
    /** The rate for the increment starting at {@code unit}, or null. */
    @Nullable Rate rateAt(long unit);
  }

  private final RateSource source;
  private final long scale;
  private final Rounding rounding;
  private final Currency currency;
  private final Rate first;
  private final long fee;
  private final long minimum;
  private long[] ends = new long[16];
  private long[] totals = new long[16];
  private Rate[] rates = new Rate[16];
  private Interval[] intervals = new Interval[16];
  private int n;
  private long wall = NO_BOUNDARY;

  /**
   * A walk over {@code source}.
   *
   * @param scale a multiple of every denominator of every rate the source gives
   * @throws UnratedException if the source has no rate for unit 0
   */
  public RateWalk(RateSource source, long scale, Rounding rounding, Currency currency) {
    this.source = source;
    this.scale = scale;
    this.rounding = Objects.requireNonNull(rounding, "rounding");
    this.currency = Objects.requireNonNull(currency, "currency");
    Rate r = source.rateAt(0);
    if (r == null) {
      throw new UnratedException("no rate applies at the start of the session");
    }
    this.first = r;
    this.fee = r.connectionFee().scaled(scale);
    this.minimum = rounding.apply(r.minimumCharge().scaled(scale), scale);
  }

  @Override
  public String rateName() {
    return first.name();
  }

  @Override
  public synchronized long charge(long units) {
    if (units <= 0) {
      return 0;
    }
    int k = covering(units); // may grow the arrays: read them after
    return Math.max(round(totals[k]), minimum);
  }

  @Override
  public synchronized long nextBoundary(long units) {
    if (!extendTo(Math.max(units, 0) + 1)) {
      return NO_BOUNDARY;
    }
    int k = Arrays.binarySearch(ends, 0, n, units + 1);
    return ends[k >= 0 ? k : -k - 1];
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // one itemized run per rate object the walk met
  public synchronized Charge itemize(long units) {
    if (units <= 0) {
      return new Charge(currency, 0, 0, 0, List.of());
    }
    int last = covering(units);
    List<ChargeItem> items = new ArrayList<>();
    long rounded = round(fee);
    if (fee > 0) {
      items.add(
          new ChargeItem(
              ChargeItem.Kind.CONNECTION, first.name(), 0, 0, 1, first.connectionFee(), rounded));
    }
    int runStart = 0;
    for (int k = 1; k <= last + 1; k++) {
      if (k <= last && rates[k] == rates[runStart] && intervals[k] == intervals[runStart]) {
        continue;
      }
      long end = round(totals[k - 1]);
      Interval iv = intervals[runStart];
      items.add(
          new ChargeItem(
              ChargeItem.Kind.INCREMENTS,
              rates[runStart].name(),
              runStart == 0 ? 0 : ends[runStart - 1],
              iv.increment(),
              k - runStart,
              iv.price(),
              end - rounded));
      rounded = end;
      runStart = k;
    }
    if (minimum > rounded) {
      items.add(
          new ChargeItem(
              ChargeItem.Kind.MINIMUM,
              first.name(),
              0,
              0,
              1,
              first.minimumCharge(),
              minimum - rounded));
    }
    return new Charge(currency, units, ends[last], Math.max(rounded, minimum), items);
  }

  /** The index of the increment in which unit {@code units - 1} lies (units positive). */
  private int covering(long units) {
    if (!extendTo(units)) {
      throw new UnratedException("no rate applies from unit " + wall + " of the session on");
    }
    int k = Arrays.binarySearch(ends, 0, n, units);
    return k >= 0 ? k : -k - 1;
  }

  private boolean extendTo(long units) {
    while (n == 0 || ends[n - 1] < units) {
      if (!step()) {
        return false;
      }
    }
    return true;
  }

  private boolean step() {
    if (wall != NO_BOUNDARY) {
      return false;
    }
    long start = n == 0 ? 0 : ends[n - 1];
    Rate r = source.rateAt(start);
    if (r == null) {
      wall = start;
      return false;
    }
    Interval iv = r.intervalAt(start);
    if (n == ends.length) {
      int size = n * 2;
      ends = Arrays.copyOf(ends, size);
      totals = Arrays.copyOf(totals, size);
      rates = Arrays.copyOf(rates, size);
      intervals = Arrays.copyOf(intervals, size);
    }
    ends[n] = Math.addExact(start, iv.increment());
    totals[n] = Math.addExact(n == 0 ? fee : totals[n - 1], iv.price().scaled(scale));
    rates[n] = r;
    intervals[n] = iv;
    n++;
    return true;
  }

  private long round(long scaledTotal) {
    return rounding.apply(scaledTotal, scale);
  }
}
