package dev.idsettle.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run printed: requests per second, completed requests, the p50 and
 * p99 latencies (of its latency distribution), the responses that were not a permit (the script's
 * own line, plus wrk's non-2xx count and socket errors) and whether a thread ran out of requests.
 *
 * @param rate requests per second
 * @param requests requests completed
 * @param p50Millis the median latency
 * @param p99Millis the 99th percentile latency
 * @param denied answers that were not a 200 permit
 * @param errors socket errors (connect, read, write, timeout)
 * @param exhausted wrk threads that ran out of pre-signed requests
 */
record WrkResult(
    double rate,
    long requests,
    double p50Millis,
    double p99Millis,
    long denied,
    long errors,
    long exhausted) {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern DONE = Pattern.compile("(\\d+) requests in ");
  private static final Pattern P50 = Pattern.compile("\\n\\s+50(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\n\\s+99(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern DENIED =
      Pattern.compile("idsettle: denied (\\d+), threads out of requests (\\d+)");
  private static final Pattern ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * Parses wrk's output.
   *
   * @throws IllegalArgumentException if a figure is missing (wrk failed: its output says why)
   */
  static WrkResult parse(String out) {
    long errors = 0;
    Matcher e = ERRORS.matcher(out);
    if (e.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(e.group(g));
      }
    }
    Matcher d = find(DENIED, out);
    return new WrkResult(
        Double.parseDouble(find(RATE, out).group(1)),
        Long.parseLong(find(DONE, out).group(1)),
        millis(find(P50, out)),
        millis(find(P99, out)),
        Long.parseLong(d.group(1)),
        errors,
        Long.parseLong(d.group(2)));
  }

  private static Matcher find(Pattern p, String out) {
    Matcher m = p.matcher(out);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + p + " in wrk's output:\n" + out);
    }
    return m;
  }

  private static double millis(Matcher m) {
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1e3;
      case "ms" -> v;
      default -> v * 1e3;
    };
  }
}
