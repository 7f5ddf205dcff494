package dev.idsettle.metering.tariff;

import dev.idsettle.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When a tariff entry applies, in the tariff's time zone: on some days of the week, between two
 * times of day (a window whose end is before its start wraps midnight: 20:00 to 08:00), between two
 * dates (inclusive).
 *
 * @param days the days it applies on (all seven when every day)
 * @param from the time of day it starts at (inclusive)
 * @param until the time of day it ends at (exclusive); equal to {@code from} for the whole day
 * @param validFrom the first date it applies on, or null for always
 * @param validUntil the last date it applies on, or null for always
 */
public record Validity(
    Set<DayOfWeek> days,
    LocalTime from,
    LocalTime until,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validUntil) {

  /** Every day, all day, for ever. */
  public static final Validity ALWAYS =
      new Validity(
          EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, null, null);

  /** Copies the days and checks the dates. */
  public Validity {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (days.isEmpty()) {
      throw new InvalidRequestException("days must name at least one day");
    }
    if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
      throw new InvalidRequestException(
          "validUntil " + validUntil + " is before validFrom " + validFrom);
    }
  }

  /** Whether it applies at {@code t}. */
  public boolean covers(ZonedDateTime t) {
    LocalDate date = t.toLocalDate();
    if (validFrom != null && date.isBefore(validFrom)) {
      return false;
    }
    if (validUntil != null && date.isAfter(validUntil)) {
      return false;
    }
    LocalTime time = t.toLocalTime();
    if (from.equals(until)) {
      return days.contains(t.getDayOfWeek());
    }
    if (from.isBefore(until)) {
      return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(until);
    }
    // a window across midnight belongs to the day it starts on
    if (!time.isBefore(from)) {
      return days.contains(t.getDayOfWeek());
    }
    return time.isBefore(until) && days.contains(t.getDayOfWeek().minus(1));
  }
}
