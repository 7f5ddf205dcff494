package dev.idsettle.bench;

import dev.idsettle.http.HttpManagerServer;
import java.util.Locale;

/**
 * A load benchmark, not JMH: authorizations per second through the manager to a store, from 16
 * concurrent clients, first in process (the role called directly) and then over loopback HTTP with
 * keep-alive, in the same run; p99 latency of each, the ratio, and the CPU and allocation per
 * request of each side. The HTTP load generator is {@link SocketClient}, in this JVM ({@code
 * WrkLoad} drives the same server from {@code wrk}, out of this JVM).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.idsettle.bench.HttpLoad [memory|postgres] [seconds]
 * }</pre>
 */
public final class HttpLoad {
  static final int CLIENTS = 16;

  private HttpLoad() {}

  /** Runs both phases and prints the figures. */
  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "memory";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (LoadRig rig = LoadRig.open(kind)) {
      LoadPhase inProcess = LoadPhase.inProcess(rig, CLIENTS, seconds);
      try (HttpManagerServer server = rig.serve(32)) {
        SignedRequests requests = new SignedRequests(rig.signer, server.port());
        LoadPhase http = new LoadPhase("HTTP", CLIENTS, HttpLoad::serverThread);
        http.run(seconds, c -> new SocketClient(server.port(), requests, rig.ids, c));
        System.out.println(inProcess.line());
        System.out.println(http.line());
        System.out.printf(
            Locale.ROOT,
            "store %s, %d clients: HTTP / in process = %.2f (target >= 0.35; HTTP >= 5000/s, p99 < 20 ms)%n",
            kind,
            CLIENTS,
            http.rate() / inProcess.rate());
        System.out.println(inProcess.cost());
        System.out.println(http.cost());
        double[] direct = inProcess.work(false);
        double[] served = http.work(true);
        System.out.printf(
            Locale.ROOT,
            "the HTTP layer per request (server threads over HTTP minus the in-process callers):"
                + " %.1f us CPU, %.0f B allocated%n",
            (served[0] - direct[0]) / 1e3,
            served[1] - direct[1]);
      }
    }
  }

  /** The threads the HTTP server's work runs on: the JDK server's dispatcher and the handlers. */
  static boolean serverThread(String name) {
    return name.startsWith("idsettle-http-") || name.startsWith("HTTP-Dispatcher");
  }
}
