package dev.idsettle.bench;

import dev.idsettle.catalog.Catalogue;
import dev.idsettle.catalog.CheckInResult;
import dev.idsettle.catalog.DeliveryResult;
import dev.idsettle.catalog.Item;
import dev.idsettle.catalog.PurchaseResult;
import dev.idsettle.catalog.TicketCode;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.store.jdbc.JdbcStore;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticket check-ins through the catalogue against single authorizations through the authenticator
 * (the baseline), both with group commit on durable embedded PostgreSQL at 8 threads, in the same
 * run. Each check-in uses a ticket bought in the set-up ({@value #TICKETS} of them: a run must not
 * use them all, and fails if any check-in is not admitted); a check-in is a key lookup, two reads
 * and one transfer. Both in {@link Mode#SampleTime}, which {@link Report} turns into operations per
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class TicketBenchmark {
  static final int IDS = 1_000;
  static final int TICKETS = 8_000;
  private static final Money PRICE = Money.of(1, Fixture.EUR);

  /** The database: the durable embedded PostgreSQL server. */
  @Param({"postgres"})
  public String db;

  private Databases database;
  private IdSettle settle;
  private IdNumber[] ids;
  private Catalogue catalogue;
  private SettlementAuthenticator authenticator;
  private final AtomicLong refused = new AtomicLong();

  /** Opens the database, activates the IDs and buys the tickets, 16 purchases at a time. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    database = Databases.migrated(db);
    JdbcStore store = database.store();
    ids = JdbcFixture.activeIds(store, IDS);
    settle = JdbcFixture.groupCommitting(store);
    byte[] key = new byte[32];
    new SplittableRandom(43).nextBytes(key);
    catalogue =
        Catalogue.builder(
                settle.ledger(),
                settle.authenticator(new Service("bench-shop", Money.zero(Fixture.EUR))))
            .key(key)
            .delivery(order -> DeliveryResult.delivered())
            .item(Item.ticket("bench-gig", "A concert", PRICE, null))
            .build();
    authenticator = settle.authenticator(new Service("bench", Money.zero(Fixture.EUR)));
  }

  /** The tickets, bought for the check-in benchmark only, 16 purchases at a time. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Tickets {
    private String[] codes;
    private final AtomicInteger next = new AtomicInteger();

    /** Buys {@value TicketBenchmark#TICKETS} tickets. */
    @Setup(Level.Trial)
    public void setUp(TicketBenchmark b) throws InterruptedException {
      codes = new String[TICKETS];
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        for (int i = 0; i < TICKETS; i++) {
          int n = i;
          pool.execute(() -> codes[n] = b.buy(n));
        }
      } finally {
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
      }
      System.out.printf(
          "%n  set-up: bought %d tickets at %.0f/s%n",
          TICKETS, TICKETS / ((System.nanoTime() - start) / 1e9));
    }

    String next() {
      int n = next.getAndIncrement();
      if (n >= codes.length || codes[n] == null) {
        throw new IllegalStateException("all " + codes.length + " tickets used: raise TICKETS");
      }
      return codes[n];
    }
  }

  String buy(int n) {
    PurchaseResult r = catalogue.buy(ids[n % IDS], "bench-gig", "bench-order-" + n);
    TicketCode code = r instanceof PurchaseResult.Bought b ? b.ticket() : null;
    if (code == null) {
      throw new IllegalStateException("a set-up purchase failed: " + r);
    }
    return code.value();
  }

  /** Fails the run if a check-in was not admitted, then deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    settle.close();
    database.close();
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " requests were refused");
    }
  }

  /** One venue's scanner thread. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Scanner {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private String name;
    private long scans;

    /** Names this thread. */
    @Setup(Level.Trial)
    public void setUp() {
      name = "gate-" + THREADS.incrementAndGet();
    }
  }

  /** One check-in of a ticket not used yet. */
  @Benchmark
  @Threads(8)
  public CheckInResult ticketCheckIn8Threads(Tickets t, Scanner s) {
    CheckInResult r = catalogue.checkIn(t.next(), "bench-gig", s.name, s.name + "-" + s.scans++);
    if (!(r instanceof CheckInResult.Admitted)) {
      refused.incrementAndGet();
    }
    return r;
  }

  /** One authorization (a debit) of a random ID: the baseline. */
  @Benchmark
  @Threads(8)
  public AuthorizationResult ticketAuthorize8Threads(Scanner s) {
    AuthorizationResult r =
        authenticator.authorize(
            new AuthorizationRequest(
                ids[ThreadLocalRandom.current().nextInt(ids.length)],
                PRICE,
                s.name,
                s.name + "-" + s.scans++));
    if (!(r instanceof Permit)) {
      refused.incrementAndGet();
    }
    return r;
  }
}
