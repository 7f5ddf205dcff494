package dev.idsettle.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fails the build when the aggregate line or branch coverage falls below its minimum. Reads the CSV
 * that JaCoCo's {@code report-aggregate} writes (one row per class: group, package, class, then
 * missed and covered counts per counter).
 */
public final class CoverageGate {
  private static final int BRANCH_MISSED = 5;
  private static final int LINE_MISSED = 7;

  private CoverageGate() {}

  /**
   * Arguments: the CSV file, the minimum line coverage, the minimum branch coverage (0 to 1).
   *
   * @throws IllegalStateException if either coverage is below its minimum
   */
  public static void main(String[] args) throws IOException {
    List<String> rows = Files.readAllLines(Path.of(args[0]));
    long[] lines = new long[2];
    long[] branches = new long[2];
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      add(branches, cells, BRANCH_MISSED);
      add(lines, cells, LINE_MISSED);
    }
    double line = ratio(lines);
    double branch = ratio(branches);
    double minLine = Double.parseDouble(args[1]);
    double minBranch = Double.parseDouble(args[2]);
    String summary =
        String.format(
            Locale.ROOT,
            "coverage of all modules: lines %.1f %% (minimum %.1f %%), branches %.1f %% (minimum"
                + " %.1f %%)",
            100 * line,
            100 * minLine,
            100 * branch,
            100 * minBranch);
    System.out.println(summary);
    if (line < minLine || branch < minBranch) {
      throw new IllegalStateException("coverage fell below the gate: " + summary);
    }
  }

  private static void add(long[] counts, String[] cells, int missedColumn) {
    counts[0] += Long.parseLong(cells[missedColumn]);
    counts[1] += Long.parseLong(cells[missedColumn + 1]);
  }

  private static double ratio(long[] missedAndCovered) {
    long total = missedAndCovered[0] + missedAndCovered[1];
    return total == 0 ? 1 : (double) missedAndCovered[1] / total;
  }
}
