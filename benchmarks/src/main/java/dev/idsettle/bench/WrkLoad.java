package dev.idsettle.bench;

import dev.idsettle.http.HttpManagerServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A load benchmark, not JMH: the manager on HTTP driven by {@code wrk} (out of this JVM, so the
 * load generator takes as little of the server's cores as it can), against the role called directly
 * from as many threads as wrk has connections, in the same run. wrk replays requests pre-signed in
 * this JVM ({@link WrkPool}, {@code wrk/signed.lua}). Per configuration: the in-process rate and
 * p99, wrk's rate and p99 (its {@code --latency} distribution), the ratio, the server's CPU time
 * and allocation per request (its threads, the JVM, group commit) and wrk's CPU. Skips, saying so,
 * when {@code wrk} is not on the PATH.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.idsettle.bench.WrkLoad \
 *     [memory|postgres] [seconds] [threads x connections ...]     # e.g. postgres 10 1x16 2x64
 * }</pre>
 *
 * <p>{@code -Dbench.handlers=N} sets the server's handler threads (default 64: at least as many as
 * wrk has connections, so every request is in flight and fills the group-commit batch; the server's
 * own default is 32); {@code -Dbench.maxRate=N} the requests per second the pool is sized for
 * (default three times the in-process rate, at least 2 000 and at most 15 000).
 */
public final class WrkLoad {
  private static final Path DIR = Path.of("target", "wrk");

  private WrkLoad() {}

  /** Runs each configuration and prints the figures. */
  public static void main(String[] args) throws Exception {
    Optional<Path> wrk = onPath("wrk");
    if (wrk.isEmpty()) {
      System.out.println("WrkLoad skipped: no wrk on the PATH (Debian: apt-get install wrk)");
      return;
    }
    String kind = args.length > 0 ? args[0] : "postgres";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (seconds > 120) {
      throw new IllegalArgumentException(
          "at most 120 s a run: the pool's timestamp must stay valid");
    }
    List<int[]> configs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] tc = args[i].split("x", 2);
      configs.add(new int[] {Integer.parseInt(tc[0]), Integer.parseInt(tc[1])});
    }
    if (configs.isEmpty()) {
      configs.add(new int[] {2, 32});
    }
    int handlers = Integer.getInteger("bench.handlers", 64);
    Path script = script();
    List<String> summary = new ArrayList<>();
    try (LoadRig rig = LoadRig.open(kind);
        HttpManagerServer server = rig.serve(handlers)) {
      SignedRequests requests = new SignedRequests(rig.signer, server.port());
      for (int[] tc : configs) {
        LoadPhase direct = LoadPhase.inProcess(rig, tc[1], seconds);
        System.out.println(direct.line());
        String url = "http://127.0.0.1:" + server.port();
        // the pool is sized for a few times the in-process rate: signing it takes time (on a loaded
        // machine, tens of seconds), and its timestamp must still be within the skew at the end
        int rate =
            Integer.getInteger(
                "bench.maxRate", (int) Math.min(15_000, Math.max(2_000, 3 * direct.rate())));
        run(wrk.get(), script, url, rig, requests, tc, 3, rate, null); // warm-up
        Cost cost = new Cost();
        WrkResult r = run(wrk.get(), script, url, rig, requests, tc, seconds, rate, cost);
        double[] callers = direct.work(false);
        String line =
            String.format(
                Locale.ROOT,
                "%s, %d handlers, wrk -t%d -c%d: HTTP %,.0f/s p50 %.2f ms p99 %.2f ms | in process"
                    + " %,.0f/s p99 %.2f ms | HTTP / in process = %.2f | %d denied, %d socket"
                    + " errors%s%n  per request: server threads %.1f us CPU %.0f B alloc, JVM %.1f"
                    + " us CPU, group commit %.1f us CPU, wrk %.1f us CPU | in-process callers"
                    + " %.1f us CPU %.0f B alloc",
                kind,
                handlers,
                tc[0],
                tc[1],
                r.rate(),
                r.p50Millis(),
                r.p99Millis(),
                direct.rate(),
                direct.p99Millis(),
                r.rate() / direct.rate(),
                r.denied(),
                r.errors(),
                r.exhausted() > 0 ? " (POOL RAN OUT: raise -Dbench.maxRate)" : "",
                cost.server[0] / 1e3 / r.requests(),
                cost.server[1] / (double) r.requests(),
                cost.jvmNanos / 1e3 / r.requests(),
                cost.commit[0] / 1e3 / r.requests(),
                cost.wrkNanos / 1e3 / r.requests(),
                callers[0] / 1e3,
                callers[1]);
        System.out.println(line);
        summary.add(line);
      }
    }
    System.out.println("\ntargets: HTTP >= 5000/s, p99 < 20 ms, HTTP / in process >= 0.35");
    summary.forEach(System.out::println);
  }

  /** What the server side and wrk spent over one measured run. */
  private static final class Cost {
    long[] server = new long[2];
    long[] commit = new long[2];
    long jvmNanos;
    long wrkNanos;
  }

  private static WrkResult run(
      Path wrk,
      Path script,
      String url,
      LoadRig rig,
      SignedRequests requests,
      int[] tc,
      int seconds,
      int maxRate,
      @Nullable Cost cost)
      throws IOException, InterruptedException {
    int perThread = maxRate * (seconds + 1) / tc[0];
    long start = System.nanoTime();
    Path pool = WrkPool.write(DIR, requests, rig.ids, tc[0], perThread);
    long signing = (System.nanoTime() - start) / 1_000_000;
    if (signing > LoadRig.SKEW.toMillis() + WrkPool.AHEAD_MILLIS - seconds * 1000L) {
      System.out.printf(
          Locale.ROOT,
          "warning: signing the pool took %d ms: its timestamps may expire%n",
          signing);
    }
    // the shell's `times` prints its children's CPU (wrk's) on its second line
    ProcessBuilder pb =
        new ProcessBuilder(
                "sh",
                "-c",
                "\"$0\" \"$@\"; times",
                wrk.toString(),
                "-t" + tc[0],
                "-c" + tc[1],
                "-d" + seconds + "s",
                "--latency",
                "-s",
                script.toString(),
                url,
                "--",
                pool.toString())
            .redirectErrorStream(true);
    ThreadCost server = ThreadCost.of(HttpLoad::serverThread);
    ThreadCost commit = ThreadCost.of(n -> n.startsWith("idsettle-group-commit"));
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long jvm = os.getProcessCpuTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    WrkPool.delete(pool, tc[0]);
    if (cost == null) {
      return WrkResult.parse(out);
    }
    cost.jvmNanos = os.getProcessCpuTime() - jvm;
    cost.server = server.sinceStart();
    cost.commit = commit.sinceStart();
    cost.wrkNanos = childCpu(out);
    System.out.print(out);
    return WrkResult.parse(out);
  }

  // the second line of `times`: "0m1.234s 0m0.567s", user and system time of the children
  private static long childCpu(String out) {
    String[] lines = out.strip().split("\n", -1);
    String[] t = lines[lines.length - 1].trim().split("\\s+", -1);
    long nanos = 0;
    for (String s : t) {
      int m = s.indexOf('m');
      nanos +=
          (long)
              ((Long.parseLong(s.substring(0, m)) * 60
                      + Double.parseDouble(s.substring(m + 1, s.length() - 1)))
                  * 1e9);
    }
    return nanos;
  }

  private static Path script() throws IOException {
    Files.createDirectories(DIR);
    Path script = DIR.resolve("signed.lua");
    try (InputStream in = WrkLoad.class.getResourceAsStream("/wrk/signed.lua")) {
      if (in == null) {
        throw new IllegalStateException("wrk/signed.lua is missing from the class path");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
