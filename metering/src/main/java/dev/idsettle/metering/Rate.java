package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import java.util.List;
import java.util.Objects;

/**
 * How usage is priced: a connection fee charged once per session (with the first increment), a
 * minimum charge, and intervals of increments.
 *
 * @param name what the operator calls it (shown in call records)
 * @param connectionFee charged once, with the first increment
 * @param minimumCharge a session with any usage costs at least this
 * @param intervals by ascending {@code from}, the first from unit 0; each boundary between two
 *     intervals falls on an increment boundary of the earlier one
 */
public record Rate(
    String name, Exact connectionFee, Exact minimumCharge, List<Interval> intervals) {
  /** Validates the intervals, naming the one at fault. */
  public Rate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connectionFee, "connectionFee");
    Objects.requireNonNull(minimumCharge, "minimumCharge");
    intervals = List.copyOf(intervals);
    if (intervals.isEmpty()) {
      throw new InvalidRequestException("rate " + name + ": intervals must not be empty");
    }
    if (intervals.get(0).from() != 0) {
      throw new InvalidRequestException(
          "rate " + name + ": intervals[0].from must be 0, was " + intervals.get(0).from());
    }
    for (int i = 1; i < intervals.size(); i++) {
      Interval before = intervals.get(i - 1);
      Interval next = intervals.get(i);
      if (next.from() <= before.from()) {
        throw new InvalidRequestException(
            "rate " + name + ": intervals[" + i + "].from must be above " + before.from());
      }
      if ((next.from() - before.from()) % before.increment() != 0) {
        throw new InvalidRequestException(
            "rate "
                + name
                + ": intervals["
                + i
                + "].from "
                + next.from()
                + " splits an increment of "
                + before.increment()
                + " starting at "
                + before.from());
      }
    }
  }

  /** The interval that applies at {@code unit} (0-based offset into the session). */
  public Interval intervalAt(long unit) {
    Interval found = intervals.get(0);
    for (Interval i : intervals) {
      if (i.from() > unit) {
        break;
      }
      found = i;
    }
    return found;
  }

  /** The least common multiple of every denominator in this rate. */
  public long denominators() {
    long d = Exact.lcm(connectionFee.denominator(), minimumCharge.denominator());
    for (Interval i : intervals) {
      d = Exact.lcm(d, i.price().denominator());
    }
    return d;
  }
}
