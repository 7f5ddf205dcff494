package dev.idsettle.bench;

import dev.idsettle.bench.Ratios.Figure;
import dev.idsettle.bench.Ratios.Score;
import java.util.List;
import java.util.Map;

/** The ratios of the stores over JDBC: PostgreSQL and H2 (issue 5), SQLite (issue 22). */
final class StoreRatios {
  private StoreRatios() {}

  /** The targets of issue 22 ({@link SqliteBenchmark}), in debits per second. */
  static void sqlite(List<Figure> out, Map<String, Score> all) {
    Map<String, Score> s = Ratios.throughputs(all);
    Ratios.ratio(
        out,
        s,
        "sqliteGroupCommit16Threads",
        "sqliteRawWriter16Threads",
        "sqlite: group commit / one-writer raw JDBC, 16 threads",
        ">=",
        0.7);
    Ratios.p99(
        out, all, "sqliteGroupCommit16Threads", "sqlite: group commit, 16 threads, p99 ms", false);
    Ratios.ratio(
        out,
        s,
        "sqliteGroupCommitHot16Threads",
        "sqliteRawWriterHot16Threads",
        "sqlite: group commit / one-writer raw JDBC, one hot ID",
        ">=",
        0.7);
    Ratios.p99(
        out,
        all,
        "sqliteGroupCommitHot16Threads",
        "sqlite: group commit, hot ID, 16 threads, p99 ms",
        false);
    Ratios.ratio(
        out,
        s,
        "sqliteGroupCommit16Threads",
        "h2Library16Threads",
        "sqlite group commit / library on today's H2 default, 16 thr.",
        ">=",
        2);
  }

  /** The targets of issue 5 for one database ({@code [db=...]}), in debits per second. */
  static void jdbc(List<Figure> out, Map<String, Score> all, String db) {
    String p = "[db=" + db + "]";
    boolean pg = db.equals("postgres");
    Map<String, Score> s = Ratios.throughputs(all);
    Ratios.ratio(
        out,
        s,
        "library8Threads" + p,
        "baseline8Threads" + p,
        db + ": library / raw JDBC, 8 threads",
        ">=",
        pg ? 0.85 : 0.7);
    Ratios.ratio(
        out,
        s,
        "libraryHot8Threads" + p,
        "baselineHot8Threads" + p,
        db + ": library / raw JDBC, one hot ID, 8 threads",
        ">=",
        0.6);
    Ratios.ratio(
        out,
        s,
        "library16Threads" + p,
        "library4Threads" + p,
        db + ": library, 16 threads / 4 threads",
        ">=",
        0.75);
    Ratios.ratio(
        out,
        s,
        "libraryBatchOf50x8Threads" + p,
        "baselineBatchOf50x8Threads" + p,
        db + ": batches of 50 / raw JDBC batches of 50, 8 threads",
        pg ? ">=" : "",
        0.7);
    Ratios.ratio(
        out,
        s,
        "libraryBatchOf50x8Threads" + p,
        "library8Threads" + p,
        db + ": batch of 50 / single calls, 8 threads (old target 10)",
        "",
        10);
    Ratios.ratio(
        out,
        s,
        "groupCommit16Threads" + p,
        "baseline16Threads" + p,
        db + ": group commit / raw JDBC, 16 threads",
        pg ? ">=" : "",
        2);
    Ratios.p99(out, all, "groupCommit16Threads" + p, db + ": group commit, 16 threads, p99 ms", pg);
    Ratios.ratio(
        out,
        s,
        "groupCommitHot16Threads" + p,
        "baselineHot16Threads" + p,
        db + ": group commit / raw JDBC, one hot ID, 16 threads",
        pg ? ">=" : "",
        5);
    Ratios.p99(
        out,
        all,
        "groupCommitHot16Threads" + p,
        db + ": group commit, hot ID, 16 threads, p99 ms",
        pg);
    Score issue = all.get("issue100k" + p);
    if (issue != null) {
      out.add(
          new Figure(
              db + ": batch issuance, IDs/s",
              JdbcIssueBenchmark.COUNT * issue.opsPerSecond(),
              "",
              0));
    }
  }
}
