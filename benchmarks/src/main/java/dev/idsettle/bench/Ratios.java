package dev.idsettle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios the project's targets are stated in, computed from benchmark scores keyed by {@code
 * method} or {@code method[param=value]}. Missing scores (a filtered run) skip their lines.
 */
final class Ratios {
  private Ratios() {}

  /** A score and its error, in the benchmark's unit. */
  record Score(double value, double error, String unit) {}

  /** The lines of the ratio report. */
  static List<String> lines(Map<String, Score> scores) {
    List<String> out = new ArrayList<>();
    ratio(
        out,
        scores,
        "library1Thread",
        "baseline1Thread",
        "library / baseline, 1 thread",
        ">=",
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
    return out;
  }

  private static void ratio(
      List<String> out,
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
    double r = a.value() / b.value();
    String verdict =
        switch (comparison) {
          case ">=" -> String.format(Locale.ROOT, "target >= %.2f: %s", target, mark(r >= target));
          case "<=" -> String.format(Locale.ROOT, "target <= %.2f: %s", target, mark(r <= target));
          default -> "(no target)";
        };
    out.add(String.format(Locale.ROOT, "%-62s %7.3f  %s", label, r, verdict));
  }

  private static String mark(boolean met) {
    return met ? "met" : "MISSED";
  }
}
