package dev.idsettle.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with the usual JMH command-line options and prints, after JMH's own
 * table, the ratios the targets are stated in, each against its target: {@code java -cp
 * benchmarks.jar dev.idsettle.bench.Report -f 1 -wi 2 -i 3 -w 2s -r 3s}. Scores measured as time
 * per operation ({@code SampleTime}) are also shown as throughput (threads / mean latency) with
 * their p99.
 */
public final class Report {
  private Report() {}

  /** Runs JMH with {@code args} and prints the ratios. */
  public static void main(String[] args) throws CommandLineOptionException, RunnerException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    Map<String, Ratios.Score> scores = new LinkedHashMap<>();
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      BenchmarkParams params = run.getParams();
      scores.put(
          key(params),
          new Ratios.Score(
              primary.getScore(),
              primary.getScoreError(),
              primary.getScoreUnit(),
              params.getThreads(),
              params.getMode() == Mode.SampleTime
                  ? primary.getStatistics().getPercentile(99)
                  : Double.NaN));
    }
    System.out.println();
    System.out.println("Scores:");
    scores.forEach(
        (name, s) ->
            System.out.printf(
                Locale.ROOT,
                "  %-45s %,14.3f ± %,12.3f %-6s %s%n",
                name,
                s.value(),
                s.error(),
                s.unit(),
                s.describe()));
    System.out.println("Ratios:");
    Ratios.lines(scores).forEach(line -> System.out.println("  " + line));
  }

  private static String key(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    StringBuilder key = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.') + 1));
    for (String name : params.getParamsKeys()) {
      key.append('[').append(name).append('=').append(params.getParam(name)).append(']');
    }
    return key.toString();
  }
}
