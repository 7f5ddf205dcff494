package dev.idsettle.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios the project's targets are stated in, computed from benchmark scores keyed by {@code
 * method} or {@code method[param=value]}. Missing scores (a filtered run) skip their lines.
 */
final class Ratios {
  private Ratios() {}

  /**
   * A score and its error, in the benchmark's unit.
   *
   * @param threads the benchmark's client threads
   * @param p99 the 99th percentile in {@code unit} for a latency sample, else NaN
   */
  record Score(double value, double error, String unit, int threads, double p99) {
    /** A score without threads or percentiles. */
    Score(double value, double error, String unit) {
      this(value, error, unit, 1, Double.NaN);
    }

    /**
     * Operations per second: the score itself for a throughput, {@code threads / mean} for a time
     * per operation (a closed loop of busy threads, Little's law), NaN for other units.
     */
    double opsPerSecond() {
      double perOp = secondsPer(unit.replace("/op", ""));
      if (unit.endsWith("/op") && !Double.isNaN(perOp)) {
        return threads / (value * perOp);
      }
      return unit.equals("ops/s") ? value : Double.NaN;
    }

    /** The p99 in milliseconds, NaN if unknown. */
    double p99Millis() {
      return p99 * secondsPer(unit.replace("/op", "")) * 1e3;
    }

    /** Throughput and p99, for the score table; empty if not a latency sample. */
    String describe() {
      if (Double.isNaN(p99)) {
        return "";
      }
      return String.format(
          Locale.ROOT,
          "= %,10.0f ops/s at %d threads, p99 %.2f ms",
          opsPerSecond(),
          threads,
          p99Millis());
    }

    private static double secondsPer(String timeUnit) {
      return switch (timeUnit) {
        case "s" -> 1;
        case "ms" -> 1e-3;
        case "us" -> 1e-6;
        case "ns" -> 1e-9;
        default -> Double.NaN;
      };
    }
  }

  /**
   * One derived figure against its target.
   *
   * @param comparison {@code ">="}, {@code "<="} or empty for a figure without a target
   */
  record Figure(String label, double value, String comparison, double target) {
    boolean met() {
      return switch (comparison) {
        case ">=" -> value >= target;
        case "<=" -> value <= target;
        default -> true;
      };
    }

    /** The verdict column: the target and whether it is met. */
    String verdict() {
      return comparison.isEmpty()
          ? "(no target)"
          : String.format(
              Locale.ROOT, "target %s %.2f: %s", comparison, target, met() ? "met" : "MISSED");
    }

    /** The figure's line in the report. */
    String line() {
      String number = value >= 1000 ? "%,9.0f" : "%9.3f";
      return String.format(Locale.ROOT, "%-62s " + number + "  %s", label, value, verdict());
    }
  }

  /** The lines of the ratio report. */
  static List<String> lines(Map<String, Score> scores) {
    List<String> out = new ArrayList<>();
    for (Figure f : figures(scores)) {
      out.add(f.line());
    }
    return out;
  }

  /** The figures the scores allow, in report order. */
  static List<Figure> figures(Map<String, Score> scores) {
    List<Figure> out = new ArrayList<>();
    ratio(
        out,
        scores,
        "library1Thread",
        "retainingBaseline1Thread",
        "library / baseline keeping every transfer id, 1 thread",
        ">=",
        0.5);
    ratio(
        out,
        scores,
        "library1Thread",
        "baseline1Thread",
        "library / baseline, 1 thread (old: baseline keeps no journal)",
        "",
        0.5);
    ratio(
        out,
        scores,
        "library2Threads",
        "baseline2Threads",
        "library / baseline, 2 threads",
        ">=",
        0.5);
    ratio(
        out,
        scores,
        "library2Threads",
        "library1Thread",
        "library, 2 threads / 1 thread",
        ">=",
        1.6);
    ratio(
        out,
        scores,
        "guardedSourced",
        "guardBaseline",
        "guarded authorization (own source) / baseline, 1 thread",
        ">=",
        0.5);
    ratio(
        out,
        scores,
        "baseline2Threads",
        "baseline1Thread",
        "baseline, 2 threads / 1 thread",
        "",
        0);
    for (String rt : List.of("0", "100")) {
      String p = "[roundTripMicros=" + rt + "]";
      ratio(
          out,
          scores,
          "batchOf50" + p,
          "fiftySingleCalls" + p,
          "batch of 50 / 50 single calls, per debit, round trip " + rt + " us",
          rt.equals("0") ? "" : "<=",
          0.1);
    }
    for (String db : List.of("postgres", "h2")) {
      StoreRatios.jdbc(out, scores, db);
    }
    StoreRatios.sqlite(out, scores);
    ratio(
        out,
        throughputs(scores),
        "meteringCreditControl16Threads[db=postgres]",
        "meteringAuthorize16Threads[db=postgres]",
        "metering: credit-control requests / authorizations, 16 threads",
        ">=",
        0.8);
    ratio(
        out,
        throughputs(scores),
        "ticketCheckIn8Threads[db=postgres]",
        "ticketAuthorize8Threads[db=postgres]",
        "catalogue: ticket check-ins / authorizations, 8 threads",
        "",
        1);
    for (String store : List.of("memory", "postgres")) {
      String p = "[store=" + store + "]";
      for (String path : List.of("subId", "envelope", "networkPlainId")) {
        ratio(
            out,
            scores,
            path + p,
            "plainAuthorization" + p,
            store + ": " + path + " / plain authorization, 1 thread",
            path.equals("networkPlainId") ? "" : ">=",
            1 / 1.3);
      }
      ratio(
          out,
          scores,
          "linkedTwoIds" + p,
          "linkedBaseline" + p,
          store + ": drawn from two linked IDs / plain authorization, 1 thread",
          ">=",
          1 / 1.3);
    }
    return out;
  }

  /** The scores as throughputs in ops/s, so ratios of latency samples read the right way up. */
  static Map<String, Score> throughputs(Map<String, Score> scores) {
    Map<String, Score> out = new HashMap<>();
    scores.forEach(
        (k, v) ->
            out.put(k, new Score(v.opsPerSecond(), Double.NaN, "ops/s", v.threads(), v.p99())));
    return out;
  }

  static void p99(
      List<Figure> out, Map<String, Score> scores, String name, String label, boolean target) {
    Score s = scores.get(name);
    if (s == null || Double.isNaN(s.p99())) {
      return;
    }
    out.add(new Figure(label, s.p99Millis(), target ? "<=" : "", 5));
  }

  static void ratio(
      List<Figure> out,
      Map<String, Score> scores,
      String numerator,
      String denominator,
      String label,
      String comparison,
      double target) {
    Score a = scores.get(numerator);
    Score b = scores.get(denominator);
    if (a == null || b == null) {
      return;
    }
    out.add(new Figure(label, a.value() / b.value(), comparison, target));
  }
}
