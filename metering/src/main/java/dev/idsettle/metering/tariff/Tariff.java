package dev.idsettle.metering.tariff;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.metering.Charge;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.UnratedException;
import dev.idsettle.metering.internal.RateWalk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rate table for calls: the entries of the longest prefix of the destination number that has any
 * price it, each increment by the first of them (in table order) whose {@link Validity} covers the
 * instant the increment starts, in the tariff's time zone. So a rate change at midnight applies
 * from the first increment that starts after midnight. Sums are exact and rounded once per
 * increment end by the tariff's {@link Rounding}. Immutable and thread-safe; {@link #price} touches
 * no balance.
 */
public final class Tariff {
  /** The largest common denominator a tariff may need, so sums of a long call cannot overflow. */
  static final long MAX_SCALE = 1_000_000_000_000L;

  private final Currency currency;
  private final ZoneId zone;
  private final Rounding rounding;
  private final Clock clock;
  private final long scale;
  private final PrefixTable table = new PrefixTable();
  private final List<List<TariffEntry>> groups = new ArrayList<>();

  private Tariff(
      Currency currency, ZoneId zone, Rounding rounding, List<TariffEntry> entries, Clock clock) {
    this.currency = Objects.requireNonNull(currency, "currency");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rounding = Objects.requireNonNull(rounding, "rounding");
    this.clock = Objects.requireNonNull(clock, "clock");
    long s = 1;
    for (TariffEntry e : entries) {
      s = lcm(s, e.rate().denominators(), e.prefix());
      int group = table.longest(e.prefix());
      // longest() finds a shorter prefix too: only an exact match shares a group
      if (group < 0 || !groupPrefix(group).equals(e.prefix())) {
        table.put(e.prefix(), groups.size());
        groups.add(new ArrayList<>(1));
        group = groups.size() - 1;
      }
      groups.get(group).add(e);
    }
    this.scale = s;
  }

  /**
   * A tariff of {@code entries} (their order decides between entries of one prefix valid at the
   * same time), priced in {@code zone}'s local time, on the system clock.
   */
  public static Tariff of(
      Currency currency, ZoneId zone, Rounding rounding, List<TariffEntry> entries) {
    return new Tariff(currency, zone, rounding, entries, Clock.systemUTC());
  }

  /**
   * Reads the operator's JSON rate table (format in {@link TariffFile}).
   *
   * @throws TariffFileException naming the file, the line and the field at fault
   */
  public static Tariff load(Path file) {
    return TariffFile.read(file);
  }

  /** This tariff, telling the time of {@link #price(String, Duration)} by {@code clock}. */
  public Tariff withClock(Clock clock) {
    return new Tariff(currency, zone, rounding, entries(), clock);
  }

  /** The currency of its prices. */
  public Currency currency() {
    return currency;
  }

  /** The rounding it applies. */
  public Rounding rounding() {
    return rounding;
  }

  /** Every entry, in table order. */
  public List<TariffEntry> entries() {
    List<TariffEntry> all = new ArrayList<>();
    groups.forEach(all::addAll);
    return all;
  }

  /**
   * The rating of a call to {@code destination} (digits, an optional leading {@code +}) starting at
   * {@code start}, in seconds.
   */
  public Quote rate(String destination, Instant start) {
    String digits = normalize(destination);
    if (digits == null) {
      return new Quote.NotPriced(
          Quote.Reason.MALFORMED_DESTINATION, "destination must be 1 to 32 digits");
    }
    int group = table.longest(digits);
    if (group < 0) {
      return new Quote.NotPriced(
          Quote.Reason.UNKNOWN_DESTINATION, "no rate for destination " + mask(digits));
    }
    List<TariffEntry> entries = groups.get(group);
    RateWalk.RateSource source = unit -> rateAt(entries, start.plusSeconds(unit));
    try {
      return new Quote.Rated(
          groupPrefix(group), new RateWalk(source, scale, rounding, currency), null);
    } catch (UnratedException e) {
      return new Quote.NotPriced(
          Quote.Reason.NO_RATE_AT_THAT_TIME,
          "no rate of prefix " + groupPrefix(group) + " applies at " + start);
    }
  }

  /** The price of a call to {@code destination} of {@code duration} starting now. */
  public Quote price(String destination, Duration duration) {
    return price(destination, clock.instant(), duration);
  }

  /**
   * The price of a call to {@code destination} of {@code duration} (whole seconds, a started one
   * counts) starting at {@code start}, itemized; touches no balance.
   */
  public Quote price(String destination, Instant start, Duration duration) {
    if (duration.isNegative()) {
      throw new InvalidRequestException("duration must not be negative, was " + duration);
    }
    Quote q = rate(destination, start);
    if (!(q instanceof Quote.Rated rated)) {
      return q;
    }
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    try {
      Charge charge = rated.rating().itemize(seconds);
      return new Quote.Rated(rated.prefix(), rated.rating(), charge);
    } catch (UnratedException e) {
      return new Quote.NotPriced(Quote.Reason.NO_RATE_AT_THAT_TIME, String.valueOf(e.getMessage()));
    }
  }

  private @Nullable Rate rateAt(List<TariffEntry> entries, Instant t) {
    var local = t.atZone(zone);
    for (TariffEntry e : entries) {
      if (e.validity().covers(local)) {
        return e.rate();
      }
    }
    return null;
  }

  private String groupPrefix(int group) {
    return groups.get(group).get(0).prefix();
  }

  private static long lcm(long scale, long denominators, String prefix) {
    long s;
    try {
      s = dev.idsettle.metering.Exact.lcm(scale, denominators);
    } catch (ArithmeticException e) {
      s = Long.MAX_VALUE;
    }
    if (s > MAX_SCALE) {
      throw new InvalidRequestException(
          "the prices of prefix "
              + prefix
              + " need a common denominator above "
              + MAX_SCALE
              + ": use fewer decimals or rate units that divide the increments");
    }
    return s;
  }

  /** The digits of a destination, or null if it is not 1 to 32 digits after an optional +. */
  static @Nullable String normalize(String destination) {
    String d = destination.startsWith("+") ? destination.substring(1) : destination;
    return TariffEntry.isDigits(d) ? d : null;
  }

  /** All but the last four digits hidden: a dialled number is personal data in a log. */
  static String mask(String digits) {
    int keep = Math.min(4, digits.length() / 2);
    return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
  }
}
