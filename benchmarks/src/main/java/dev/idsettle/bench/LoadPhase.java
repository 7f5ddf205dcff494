package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One phase of a load benchmark: a number of client threads, each in a closed loop, for a warm-up
 * and a measured period; the rate, the p99 latency, and the CPU time and bytes allocated per
 * request by the client threads, the server's threads and the group-commit thread.
 */
final class LoadPhase {
  /** One client's loop: authorize, return the latency in nanoseconds, or -1 if not permitted. */
  interface Client {
    long authorizeOnce() throws IOException;
  }

  /** Makes client {@code index} of a period. */
  interface ClientFactory {
    Client make(int index) throws IOException;
  }

  private final String name;
  private final int clients;
  private final Predicate<String> serverThreads;
  private double rate;
  private long p99;
  private long failed;
  private long requests;
  private final long[] clientCost = new long[2]; // CPU ns, allocated bytes, all client threads
  private long[] serverCost = new long[2];
  private long[] commitCost = new long[2];

  /**
   * A phase of {@code clients} threads whose server side runs on threads {@code server} accepts.
   */
  LoadPhase(String name, int clients, Predicate<String> server) {
    this.name = name;
    this.clients = clients;
    this.serverThreads = server;
  }

  /** The role called directly by {@code clients} threads: the in-process baseline. */
  static LoadPhase inProcess(LoadRig rig, int clients, int seconds) throws Exception {
    LoadPhase phase = new LoadPhase("in process", clients, n -> false);
    phase.run(seconds, c -> direct(rig.device, rig.ids, c));
    return phase;
  }

  private static Client direct(SettlementAuthenticator device, IdNumber[] ids, int index) {
    long generation = LoadRig.GENERATIONS.incrementAndGet();
    long[] n = {0};
    return () -> {
      long start = System.nanoTime();
      IdNumber id = ids[(int) ((index * 64L + n[0]) % ids.length)];
      String reference = "p-" + generation + "-" + index + "-" + n[0]++;
      Object r =
          device.authorize(
              new AuthorizationRequest(id, Money.of(1, Fixture.EUR), LoadRig.PARTY, reference));
      return r instanceof Permit ? System.nanoTime() - start : -1;
    };
  }

  void run(int seconds, ClientFactory factory) throws Exception {
    measure(Math.max(2, seconds / 3), factory); // warm-up
    clientCost[0] = 0;
    clientCost[1] = 0;
    ThreadCost server = ThreadCost.of(serverThreads);
    ThreadCost commit = ThreadCost.of(n -> n.startsWith("idsettle-group-commit"));
    long[] all = measure(seconds, factory);
    serverCost = server.sinceStart();
    commitCost = commit.sinceStart();
    requests = all.length + failed;
    Arrays.sort(all);
    rate = all.length / (double) seconds;
    p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, all.length * 0.99)];
  }

  /** CPU microseconds per request of the client threads, the server's and group commit's. */
  String cost() {
    double n = Math.max(1, requests);
    return String.format(
        Locale.ROOT,
        "%-10s per request: clients %6.1f us CPU %7.0f B alloc | server threads %6.1f us CPU"
            + " %7.0f B alloc | group commit %5.1f us CPU %6.0f B alloc",
        name,
        clientCost[0] / n / 1e3,
        clientCost[1] / n,
        serverCost[0] / n / 1e3,
        serverCost[1] / n,
        commitCost[0] / n / 1e3,
        commitCost[1] / n);
  }

  /** CPU ns and allocated bytes per request where the role's work ran (clients in process). */
  double[] work(boolean onServer) {
    double n = Math.max(1, requests);
    long[] c = onServer ? serverCost : clientCost;
    return new double[] {c[0] / n, c[1] / n};
  }

  double rate() {
    return rate;
  }

  double p99Millis() {
    return p99 / 1e6;
  }

  String line() {
    return String.format(
        Locale.ROOT,
        "%-10s %,10.0f authorizations/s  p99 %6.2f ms  (%d clients, %d not permitted)",
        name,
        rate,
        p99 / 1e6,
        clients,
        failed);
  }

  private long[] measure(int seconds, ClientFactory factory) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    List<long[]> samples = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long[] failures = new long[clients];
    int[] counts = new int[clients];
    for (int i = 0; i < clients; i++) {
      Client client = factory.make(i);
      long[] mine = new long[1_000_000];
      samples.add(mine);
      int index = i;
      threads.add(
          new Thread(
              () -> {
                int k = 0;
                long[] before = ThreadCost.current();
                try {
                  while (!stop.get() && k < mine.length) {
                    long ns = client.authorizeOnce();
                    if (ns < 0) {
                      failures[index]++;
                    } else {
                      mine[k++] = ns;
                    }
                  }
                } catch (IOException e) {
                  System.err.println("client " + index + ": " + e);
                  failures[index]++;
                }
                counts[index] = k;
                long[] after = ThreadCost.current();
                synchronized (clientCost) {
                  clientCost[0] += after[0] - before[0];
                  clientCost[1] += after[1] - before[1];
                }
              }));
    }
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    failed = Arrays.stream(failures).sum();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < clients; i++) {
      System.arraycopy(samples.get(i), 0, all, at, counts[i]);
      at += counts[i];
    }
    return all;
  }
}
