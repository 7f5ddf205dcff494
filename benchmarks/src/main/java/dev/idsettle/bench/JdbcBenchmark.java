package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Authorize-and-debit through {@code IdSettle} on a {@link JdbcStore} over 100 000 active IDs, on
 * durable embedded PostgreSQL and on an H2 file (the store's default durability), against the
 * {@link RawDebits} baseline on its own table in the same database and the same run.
 *
 * <p>Every method is measured in {@link Mode#SampleTime}: JMH reports the latency distribution (p99
 * included) and {@link Report} derives the throughput of the closed loop as threads / mean latency.
 * Group commit is off except in the {@code groupCommit*} methods ({@code groupCommit(256)}). Each
 * trial starts from a fresh database, deleted at its end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class JdbcBenchmark {
  static final int IDS = 100_000;
  static final int BATCH = 50;
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  /** The database: {@code postgres} (durable embedded server) or {@code h2} (file). */
  @Param({"postgres", "h2"})
  public String db;

  private Databases database;
  private IdNumber[] ids;
  private IdSettle plain;
  private IdSettle grouped;
  private SettlementAuthenticator single;
  private SettlementAuthenticator groupCommitted;
  private final AtomicLong refused = new AtomicLong();

  /** Opens the database, issues and activates the IDs, creates the baseline's table. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.open(db);
    SchemaMigrator.of(database.pool()).migrate();
    JdbcStore store = JdbcStore.builder(database.pool()).build();
    ids = JdbcFixture.activeIds(store, IDS);
    plain = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey()).build();
    grouped = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey()).groupCommit(256).build();
    Service service = new Service("bench", Money.zero(Fixture.EUR));
    single = plain.authenticator(service);
    groupCommitted = grouped.authenticator(service);
    warm(single, "plain");
    warm(groupCommitted, "grouped");
    RawDebits.create(database.pool(), IDS, Fixture.BALANCE);
  }

  /**
   * Debits every ID once through {@code authenticator}, in batches, so that its facade has looked
   * every ID up once: the steady state of a service whose IDs fit its ID-to-account cache (default
   * one million), which a few seconds of warm-up over 100 000 random IDs would not reach.
   */
  private void warm(SettlementAuthenticator authenticator, String name) {
    List<AuthorizationRequest> requests = new ArrayList<>(1_000);
    for (int i = 0; i < ids.length; i++) {
      requests.add(new AuthorizationRequest(ids[i], AMOUNT, "warm-up", name + "-" + i));
      if (requests.size() == 1_000 || i == ids.length - 1) {
        authenticator.authorizeAll(requests).forEach(this::check);
        requests.clear();
      }
    }
  }

  /** Fails the run if anything was refused, then deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    plain.close();
    grouped.close();
    database.close();
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " debits were refused");
    }
  }

  /** One calling thread: its terminal, references and baseline connection. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Caller {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private String terminal;
    private long counter;
    private RawDebits.Session raw;

    /** Names this thread's terminal and opens its baseline connection. */
    @Setup(Level.Trial)
    public void setUp(JdbcBenchmark benchmark) throws SQLException {
      terminal = "kiosk-" + THREADS.incrementAndGet();
      raw = new RawDebits.Session(benchmark.database.pool());
    }

    /** Returns the baseline connection to the pool. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      raw.close();
    }

    String nextReference() {
      return terminal + "-" + counter++;
    }
  }

  /** The library, 4 threads, random IDs. */
  @Benchmark
  @Threads(4)
  public AuthorizationResult library4Threads(Caller caller) {
    return authorize(single, caller, randomId());
  }

  /** The library, 8 threads, random IDs. */
  @Benchmark
  @Threads(8)
  public AuthorizationResult library8Threads(Caller caller) {
    return authorize(single, caller, randomId());
  }

  /** The library, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult library16Threads(Caller caller) {
    return authorize(single, caller, randomId());
  }

  /** The library, 8 threads, all on one ID. */
  @Benchmark
  @Threads(8)
  public AuthorizationResult libraryHot8Threads(Caller caller) {
    return authorize(single, caller, ids[0]);
  }

  /** The library, 8 threads, each call an {@code authorizeAll} of 50 random debits. */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(BATCH)
  public List<AuthorizationResult> libraryBatchOf50x8Threads(Caller caller) {
    List<AuthorizationRequest> requests = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      requests.add(
          new AuthorizationRequest(randomId(), AMOUNT, caller.terminal, caller.nextReference()));
    }
    List<AuthorizationResult> results = single.authorizeAll(requests);
    results.forEach(this::check);
    return results;
  }

  /** The library with group commit on, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult groupCommit16Threads(Caller caller) {
    return authorize(groupCommitted, caller, randomId());
  }

  /** The library with group commit on, 16 threads, all on one ID. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult groupCommitHot16Threads(Caller caller) {
    return authorize(groupCommitted, caller, ids[0]);
  }

  /** The baseline, 8 threads, random accounts. */
  @Benchmark
  @Threads(8)
  public boolean baseline8Threads(Caller caller) throws SQLException {
    return debitRaw(caller, ThreadLocalRandom.current().nextInt(IDS));
  }

  /** The baseline, 8 threads, all on one account. */
  @Benchmark
  @Threads(8)
  public boolean baselineHot8Threads(Caller caller) throws SQLException {
    return debitRaw(caller, 0);
  }

  /** The baseline, 16 threads, random accounts. */
  @Benchmark
  @Threads(16)
  public boolean baseline16Threads(Caller caller) throws SQLException {
    return debitRaw(caller, ThreadLocalRandom.current().nextInt(IDS));
  }

  /** The baseline, 16 threads, all on one account. */
  @Benchmark
  @Threads(16)
  public boolean baselineHot16Threads(Caller caller) throws SQLException {
    return debitRaw(caller, 0);
  }

  private IdNumber randomId() {
    return ids[ThreadLocalRandom.current().nextInt(ids.length)];
  }

  private AuthorizationResult authorize(
      SettlementAuthenticator authenticator, Caller caller, IdNumber id) {
    AuthorizationResult result =
        authenticator.authorize(
            new AuthorizationRequest(id, AMOUNT, caller.terminal, caller.nextReference()));
    check(result);
    return result;
  }

  private void check(AuthorizationResult result) {
    if (!(result instanceof Permit)) {
      refused.incrementAndGet();
    }
  }

  private boolean debitRaw(Caller caller, long account) throws SQLException {
    boolean done = caller.raw.debit(account, AMOUNT.minor(), caller.nextReference());
    if (!done) {
      refused.incrementAndGet();
    }
    return done;
  }
}
