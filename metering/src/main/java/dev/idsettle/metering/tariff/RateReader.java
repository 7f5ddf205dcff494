package dev.idsettle.metering.tariff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.Rate;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads one entry of a tariff file's {@code rates}, each error at the line of its field. */
final class RateReader {
  private final TariffFile.Reader r;
  private final JsonParser p;
  private final String path;

  RateReader(TariffFile.Reader reader, String path) {
    this.r = reader;
    this.p = reader.parser();
    this.path = path;
  }

  TariffEntry read() throws IOException {
    r.expect(p.currentToken(), JsonToken.START_OBJECT, path);
    int startLine = p.currentTokenLocation().getLineNr();
    String prefix = null;
    String name = null;
    Exact fee = Exact.ZERO;
    Exact minimum = Exact.ZERO;
    Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    LocalTime from = LocalTime.MIDNIGHT;
    LocalTime until = LocalTime.MIDNIGHT;
    LocalDate validFrom = null;
    LocalDate validUntil = null;
    List<Interval> intervals = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = path + "." + p.currentName();
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "prefix" -> {
          prefix = r.text(field);
          if (!TariffEntry.isDigits(prefix)) {
            throw r.fail(field, "must be 1 to 32 digits, was \"" + prefix + "\"");
          }
        }
        case "name" -> name = r.text(field);
        case "connectionFee" -> fee = r.amount(field);
        case "minimumCharge" -> minimum = r.amount(field);
        case "days" -> days = days(field);
        case "from" -> from = r.parse(field, () -> LocalTime.parse(r.text(field)));
        case "until" -> until = until(field);
        case "validFrom" -> validFrom = r.parse(field, () -> LocalDate.parse(r.text(field)));
        case "validUntil" -> validUntil = r.parse(field, () -> LocalDate.parse(r.text(field)));
        case "intervals" -> intervals = intervals(field);
        default -> throw r.fail(field, "unknown field");
      }
    }
    if (prefix == null) {
      throw new TariffFileException(r.file(), startLine, path + ".prefix", "is required");
    }
    if (intervals == null) {
      throw new TariffFileException(r.file(), startLine, path + ".intervals", "is required");
    }
    try {
      Rate rate = new Rate(name == null ? prefix : name, fee, minimum, intervals);
      return new TariffEntry(prefix, rate, new Validity(days, from, until, validFrom, validUntil));
    } catch (InvalidRequestException e) {
      throw new TariffFileException(r.file(), startLine, path, String.valueOf(e.getMessage()));
    }
  }

  private LocalTime until(String field) throws IOException {
    String t = r.text(field);
    return "24:00".equals(t) ? LocalTime.MIDNIGHT : r.parse(field, () -> LocalTime.parse(t));
  }

  private Set<DayOfWeek> days(String field) throws IOException {
    r.expect(p.currentToken(), JsonToken.START_ARRAY, field);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String d = r.text(field).toUpperCase(Locale.ROOT);
      DayOfWeek day = dayOf(d);
      if (day == null) {
        throw r.fail(field, "\"" + d + "\" is not a day (MON to SUN)");
      }
      days.add(day);
    }
    if (days.isEmpty()) {
      throw r.fail(field, "must name at least one day");
    }
    return days;
  }

  private static @Nullable DayOfWeek dayOf(String d) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(d) || (day.name().startsWith(d) && d.length() == 3)) {
        return day;
      }
    }
    return null;
  }

  private List<Interval> intervals(String field) throws IOException {
    r.expect(p.currentToken(), JsonToken.START_ARRAY, field);
    List<Interval> intervals = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      intervals.add(interval(field + "[" + intervals.size() + "]"));
    }
    if (intervals.isEmpty()) {
      throw r.fail(field, "must not be empty");
    }
    return intervals;
  }

  private Interval interval(String path) throws IOException {
    r.expect(p.currentToken(), JsonToken.START_OBJECT, path);
    int line = p.currentTokenLocation().getLineNr();
    long from = -1;
    long increment = -1;
    long per = 0;
    Exact rate = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String field = path + "." + key;
      p.nextToken();
      switch (key) {
        case "from" -> from = nonNegative(field);
        case "increment" -> increment = positive(field);
        case "per" -> per = positive(field);
        case "rate" -> rate = r.amount(field);
        default -> throw r.fail(field, "unknown field (expected from, increment, rate, per)");
      }
    }
    for (String missing : missing(from, increment, rate)) {
      throw new TariffFileException(r.file(), line, path + "." + missing, "is required");
    }
    if (rate == null) {
      throw new IllegalStateException("unreachable: a missing rate was reported above");
    }
    try {
      return Interval.perUnit(from, increment, rate, per == 0 ? increment : per);
    } catch (InvalidRequestException | ArithmeticException e) {
      throw new TariffFileException(r.file(), line, path, String.valueOf(e.getMessage()));
    }
  }

  private static List<String> missing(long from, long increment, @Nullable Exact rate) {
    List<String> missing = new ArrayList<>();
    if (from < 0) {
      missing.add("from");
    }
    if (increment < 0) {
      missing.add("increment");
    }
    if (rate == null) {
      missing.add("rate");
    }
    return missing;
  }

  private long nonNegative(String field) throws IOException {
    long v = r.number(field);
    if (v < 0) {
      throw r.fail(field, "must not be negative, was " + v);
    }
    return v;
  }

  private long positive(String field) throws IOException {
    long v = r.number(field);
    if (v <= 0) {
      throw r.fail(field, "must be positive, was " + v);
    }
    return v;
  }
}
