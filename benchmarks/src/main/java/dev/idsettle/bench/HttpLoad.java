package dev.idsettle.bench;

import dev.idsettle.http.HttpManagerServer;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.Parties;
import dev.idsettle.http.Party;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.memory.MemoryStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A load benchmark, not JMH: authorizations per second through the manager to a store, from 16
 * concurrent clients, first in process (the role called directly) and then over loopback HTTP with
 * keep-alive, in the same run; p99 latency of each and the ratio. The HTTP load generator is a
 * light one of its own in this JVM: one blocking socket per client, a request written by hand and
 * signed as {@code HttpTransport} signs (HMAC-SHA256, a nonce per request), the answer read by its
 * Content-Length; no HTTP client library, so it takes little of the server's two cores.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.idsettle.bench.HttpLoad [memory|postgres] [seconds]
 * }</pre>
 */
public final class HttpLoad {
  static final int CLIENTS = 16;
  static final int IDS = 1024;
  static final java.util.concurrent.atomic.AtomicLong GENERATIONS =
      new java.util.concurrent.atomic.AtomicLong();

  private HttpLoad() {}

  /** Runs both phases and prints the figures. */
  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "memory";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Databases db = null;
    LedgerStore store;
    if (kind.equals("postgres")) {
      db = Databases.open("postgres");
      SchemaMigrator.of(db.pool()).migrate();
      store = JdbcStore.builder(db.pool()).build();
    } else {
      store = MemoryStore.create();
    }
    byte[] issuerKey = key(42);
    try (IdSettle settle =
        IdSettle.builder(store)
            .issuerKey(issuerKey)
            .currency(Fixture.EUR)
            .maxActivationAmount(Money.of(Fixture.BALANCE, Fixture.EUR))
            .groupCommit(kind.equals("postgres") ? 256 : 0)
            .build()) {
      IdNumber[] ids = activate(settle);
      SettlementManager manager = SettlementManager.over(settle);
      Service service = new Service("bench", Money.zero(Fixture.EUR));
      SettlementAuthenticator device = manager.register(service);
      Party party = Party.authenticator("bench-1", "bench");
      byte[] partyKey = key(7);

      Phase inProcess = new Phase("in process", n -> false);
      inProcess.run(seconds, c -> new InProcessClient(device, ids, c));
      ManagerEndpoint endpoint = ManagerEndpoint.of(settle, manager);
      Parties parties = Parties.builder().add(party, partyKey).build();
      try (HttpManagerServer server = HttpManagerServer.builder(endpoint, parties).start()) {
        Phase http =
            new Phase(
                "HTTP", n -> n.startsWith("idsettle-http-") || n.startsWith("HTTP-Dispatcher"));
        http.run(seconds, c -> new SocketClient(server.port(), partyKey, ids, c));
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
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  static byte[] key(long seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key);
    return key;
  }

  static IdNumber[] activate(IdSettle settle) {
    List<IdNumber> issued = settle.issuer().issue(IDS, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("bench-till");
    Money balance = Money.of(Fixture.BALANCE, Fixture.EUR);
    for (int i = 0; i < issued.size(); i++) {
      till.activate(issued.get(i), balance, "activation-" + i);
    }
    return issued.toArray(new IdNumber[0]);
  }

  /** One client's loop: authorize, return the latency in nanoseconds, or -1 if not permitted. */
  interface Client {
    long authorizeOnce() throws IOException;
  }

  interface ClientFactory {
    Client make(int index) throws IOException;
  }

  /** The role called directly, as the in-process baseline. */
  static final class InProcessClient implements Client {
    private final SettlementAuthenticator device;
    private final IdNumber[] ids;
    private final int index;
    private long n;

    InProcessClient(SettlementAuthenticator device, IdNumber[] ids, int index) {
      this.device = device;
      this.ids = ids;
      this.index = index;
    }

    @Override
    public long authorizeOnce() {
      long start = System.nanoTime();
      IdNumber id = ids[(int) ((index * 64L + n) % ids.length)];
      Object r =
          device.authorize(
              new AuthorizationRequest(
                  id, Money.of(1, Fixture.EUR), "bench-1", "p-" + index + "-" + n++));
      return r instanceof Permit ? System.nanoTime() - start : -1;
    }
  }

  /** A keep-alive HTTP/1.1 connection with requests written and signed by hand. */
  static final class SocketClient implements Client {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final SecretKeySpec key;
    private final IdNumber[] ids;
    private final int index;
    private final String host;
    // a new client per phase: its nonces must not repeat an earlier client's (the server refuses)
    private final long generation = GENERATIONS.incrementAndGet();
    private long n;

    SocketClient(int port, byte[] key, IdNumber[] ids, int index) throws IOException {
      this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setTcpNoDelay(true);
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.key = new SecretKeySpec(key, "HmacSHA256");
      this.ids = ids;
      this.index = index;
      this.host = "127.0.0.1:" + port;
    }

    @Override
    public long authorizeOnce() throws IOException {
      long start = System.nanoTime();
      IdNumber id = ids[(int) ((index * 64L + n) % ids.length)];
      byte[] body =
          Messages.write(
              new Request.Authorize(
                  1, id, Money.of(1, Fixture.EUR), "h-" + generation + "-" + index + "-" + n));
      String nonce = String.format(Locale.ROOT, "n%02d-%06d-%016d", index, generation, n++);
      long ts = System.currentTimeMillis();
      String path = "/v1/authorize";
      byte[] sig = sign(key, path + "\nbench-1\n" + ts + "\n" + nonce, body);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + host
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\n"
              + "X-IdSettle-Party: bench-1\r\n"
              + "X-IdSettle-Timestamp: "
              + ts
              + "\r\n"
              + "X-IdSettle-Nonce: "
              + nonce
              + "\r\n"
              + "X-IdSettle-Signature: "
              + Base64.getUrlEncoder().withoutPadding().encodeToString(sig)
              + "\r\n\r\n";
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = Arrays.copyOf(h, h.length + body.length);
      System.arraycopy(body, 0, request, h.length, body.length);
      out.write(request);
      out.flush();
      String answer = readResponse();
      if (!answer.startsWith("HTTP/1.1 200") && n < 3) {
        System.err.println("answer: " + answer.replace(id.digits(), "<id>"));
      }
      return answer.startsWith("HTTP/1.1 200") && answer.contains("\"permitted\"")
          ? System.nanoTime() - start
          : -1;
    }

    /**
     * The request's signature as the HTTP API specifies it, written here from the protocol rather
     * than taken from the server's internals: HMAC-SHA256 over the method, the path, the party, the
     * timestamp and the nonce, each followed by a line feed, then the body.
     */
    private static byte[] sign(SecretKeySpec key, String pathToNonce, byte[] body) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        mac.update(("POST\n" + pathToNonce + "\n").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    }

    private String readResponse() throws IOException {
      StringBuilder head = new StringBuilder();
      int length = -1;
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c == '\n') {
          String l = line.toString().trim();
          if (l.isEmpty()) {
            break;
          }
          if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(l.substring(15).trim());
          }
          head.append(l).append('\n');
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
      byte[] body = in.readNBytes(Math.max(0, length));
      return head + new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Runs {@value #CLIENTS} clients for a warm-up and a measured period. */
  static final class Phase {
    private final String name;
    private final java.util.function.Predicate<String> serverThreads;
    private double rate;
    private long p99;
    private long failed;
    private long requests;
    private final long[] clientCost = new long[2]; // CPU ns, allocated bytes, all client threads
    private long[] serverCost = new long[2];
    private long[] commitCost = new long[2];

    /** A phase whose server side runs on the threads {@code serverThreads} accepts. */
    Phase(String name, java.util.function.Predicate<String> serverThreads) {
      this.name = name;
      this.serverThreads = serverThreads;
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

    private long[] measure(int seconds, ClientFactory factory) throws Exception {
      AtomicBoolean stop = new AtomicBoolean();
      List<long[]> samples = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      long[] failures = new long[CLIENTS];
      int[] counts = new int[CLIENTS];
      for (int i = 0; i < CLIENTS; i++) {
        Client client = factory.make(i);
        long[] mine = new long[4_000_000];
        samples.add(mine);
        int index = i;
        Thread t =
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
                });
        threads.add(t);
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
      for (int i = 0; i < CLIENTS; i++) {
        System.arraycopy(samples.get(i), 0, all, at, counts[i]);
        at += counts[i];
      }
      return all;
    }

    double rate() {
      return rate;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "%-10s %,10.0f authorizations/s  p99 %6.2f ms  (%d not permitted)",
          name,
          rate,
          p99 / 1e6,
          failed);
    }
  }
}
