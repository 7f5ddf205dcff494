package dev.idsettle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks with the usual JMH command-line options and prints, after JMH's own
 * table, the ratios the targets are stated in, each against its target: {@code java -cp
 * benchmarks.jar dev.idsettle.bench.Report -f 1 -wi 2 -i 3 -w 2s -r 3s}. Scores measured as time
 * per operation ({@code SampleTime}) are also shown as throughput (threads / mean latency) with
 * their p99.
 *
 * <p>With {@code -reps N} first (N &gt; 1) every selected benchmark runs N times, one benchmark per
 * JMH run, in name order and then in reverse (A B B A ...), so that a drift of the machine's load
 * falls on baseline and library alike; each figure is reported per repetition and as the median,
 * which is what the targets are judged on.
 */
public final class Report {
  private Report() {}

  /** Runs JMH with {@code args} and prints the ratios. */
  public static void main(String[] args) throws CommandLineOptionException, RunnerException {
    int reps = 1;
    String[] jmhArgs = args;
    if (args.length >= 2 && args[0].equals("-reps")) {
      reps = Integer.parseInt(args[1]);
      jmhArgs = Arrays.copyOfRange(args, 2, args.length);
    }
    CommandLineOptions cli = new CommandLineOptions(jmhArgs);
    if (reps <= 1) {
      Map<String, Ratios.Score> scores = scores(new Runner(cli).run());
      printScores(scores);
      System.out.println("Ratios:");
      Ratios.lines(scores).forEach(line -> System.out.println("  " + line));
      return;
    }
    List<String> names = new ArrayList<>();
    for (BenchmarkListEntry e :
        BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                cli.getIncludes(),
                cli.getExcludes())) {
      if (!names.contains(e.getUsername())) {
        names.add(e.getUsername());
      }
    }
    List<List<Ratios.Figure>> perRep = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      List<String> order = new ArrayList<>(names);
      if (rep % 2 == 1) {
        Collections.reverse(order);
      }
      Map<String, Ratios.Score> scores = new LinkedHashMap<>();
      for (String name : order) {
        ChainedOptionsBuilder only = new OptionsBuilder().parent(cli);
        for (String other : names) {
          if (!other.equals(name)) {
            only.exclude("^" + Pattern.quote(other) + "$");
          }
        }
        scores.putAll(scores(new Runner(only.build()).run()));
      }
      System.out.println();
      System.out.println("Repetition " + (rep + 1) + " of " + reps + ":");
      printScores(scores);
      perRep.add(Ratios.figures(scores));
    }
    printMedians(perRep);
  }

  private static Map<String, Ratios.Score> scores(Collection<RunResult> results) {
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
    return scores;
  }

  private static void printScores(Map<String, Ratios.Score> scores) {
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
  }

  /** Each figure's value in every repetition, then its median judged against the target. */
  private static void printMedians(List<List<Ratios.Figure>> perRep) {
    Map<String, List<Ratios.Figure>> byLabel = new LinkedHashMap<>();
    for (List<Ratios.Figure> figures : perRep) {
      for (Ratios.Figure f : figures) {
        byLabel.computeIfAbsent(f.label(), k -> new ArrayList<>()).add(f);
      }
    }
    System.out.println();
    System.out.println("Ratios, median of " + perRep.size() + " repetitions (each run's value):");
    byLabel.forEach(
        (label, figures) -> {
          double[] values = figures.stream().mapToDouble(Ratios.Figure::value).sorted().toArray();
          int n = values.length;
          double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
          Ratios.Figure first = figures.get(0);
          Ratios.Figure med = new Ratios.Figure(label, median, first.comparison(), first.target());
          StringBuilder each = new StringBuilder();
          for (Ratios.Figure f : figures) {
            each.append(each.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%.3f", f.value()));
          }
          System.out.println("  " + med.line() + "  [" + each + "]");
        });
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
