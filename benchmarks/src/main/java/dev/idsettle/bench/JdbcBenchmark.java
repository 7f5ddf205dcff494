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
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openjdk.jmh.infra.BenchmarkParams;

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
  private final AtomicLong refused = new AtomicLong();

  /** Opens the database and creates the ledger's schema. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.migrated(db);
  }

  /** Fails the run if anything was refused, then deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    database.close();
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " debits were refused");
    }
  }

  /**
   * The library's side, set up only for the trials that use it: 100 000 IDs issued and activated,
   * and the one facade the trial measures (group commit on for the {@code groupCommit*} methods,
   * off for the others), its caches warm. One facade per trial, as one service process: a second
   * facade over the same database would be a second process, whose debits make the first one's
   * remembered account images stale.
   */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Library {
    private IdNumber[] ids;
    private IdSettle settle;
    private SettlementAuthenticator authenticator;

    /** Issues and activates the IDs and warms the trial's facade. */
    @Setup(Level.Trial)
    public void setUp(JdbcBenchmark benchmark, BenchmarkParams params) {
      JdbcStore store = JdbcStore.builder(benchmark.database.pool()).build();
      ids = JdbcFixture.activeIds(store, IDS);
      IdSettle.Builder builder = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey());
      if (params.getBenchmark().contains(".groupCommit")) {
        builder.groupCommit(256);
      }
      settle = builder.build();
      authenticator = settle.authenticator(new Service("bench", Money.zero(Fixture.EUR)));
      JdbcFixture.warm(authenticator, ids, AMOUNT, benchmark::check);
    }

    /** Stops the group-commit thread, if any. */
    @TearDown(Level.Trial)
    public void tearDown() {
      settle.close();
    }

    IdNumber randomId() {
      return ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }
  }

  /** The baseline's tables, created only for the trials that use them. */
  @State(Scope.Benchmark)
  public static class Raw {
    /**
     * Makes an H2 file as durable as the library's (every commit written to the file before it
     * returns: {@code WRITE_DELAY 0}; H2's default of 500 ms loses the last half second of
     * confirmed commits when the process is killed, and the baseline's trials build no store that
     * would set it), then creates the baseline's accounts. PostgreSQL is durable already (checked
     * at start).
     */
    @Setup(Level.Trial)
    public void setUp(JdbcBenchmark benchmark) throws SQLException {
      if (benchmark.db.equals("h2")) {
        try (Connection c = benchmark.database.pool().getConnection();
            Statement s = c.createStatement()) {
          s.execute("SET WRITE_DELAY 0");
        }
      }
      RawDebits.create(benchmark.database.pool(), IDS, Fixture.BALANCE);
    }
  }

  /** One calling thread: its terminal and references. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Caller {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private String terminal;
    private long counter;

    /** Names this thread's terminal. */
    @Setup(Level.Trial)
    public void setUp() {
      terminal = "kiosk-" + THREADS.incrementAndGet();
    }

    String nextReference() {
      return terminal + "-" + counter++;
    }
  }

  /** One thread's baseline connection. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class RawCaller {
    private RawDebits.Session session;

    /** Opens this thread's connection, after the baseline's tables exist. */
    @Setup(Level.Trial)
    public void setUp(JdbcBenchmark benchmark, Raw raw) throws SQLException {
      session = new RawDebits.Session(benchmark.database.pool());
    }

    /**
     * Returns the connection to the pool, unless the trial's own teardown, which JMH may run first
     * on another thread, has closed the pool and its connections already (HikariCP then fails the
     * connection's close with a NullPointerException).
     */
    @TearDown(Level.Trial)
    public void tearDown(JdbcBenchmark benchmark) throws SQLException {
      if (!benchmark.database.pool().isClosed()) {
        session.close();
      }
    }
  }

  /** The library, 4 threads, random IDs. */
  @Benchmark
  @Threads(4)
  public AuthorizationResult library4Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.randomId());
  }

  /** The library, 8 threads, random IDs. */
  @Benchmark
  @Threads(8)
  public AuthorizationResult library8Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.randomId());
  }

  /** The library, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult library16Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.randomId());
  }

  /** The library, 8 threads, all on one ID. */
  @Benchmark
  @Threads(8)
  public AuthorizationResult libraryHot8Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.ids[0]);
  }

  /** The library, 8 threads, each call an {@code authorizeAll} of 50 random debits. */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(BATCH)
  public List<AuthorizationResult> libraryBatchOf50x8Threads(Library library, Caller caller) {
    List<AuthorizationRequest> requests = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      requests.add(
          new AuthorizationRequest(
              library.randomId(), AMOUNT, caller.terminal, caller.nextReference()));
    }
    List<AuthorizationResult> results = library.authenticator.authorizeAll(requests);
    results.forEach(this::check);
    return results;
  }

  /** The library with group commit on, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult groupCommit16Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.randomId());
  }

  /** The library with group commit on, 16 threads, all on one ID. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult groupCommitHot16Threads(Library library, Caller caller) {
    return authorize(library.authenticator, caller, library.ids[0]);
  }

  /** The baseline, 8 threads, random accounts. */
  @Benchmark
  @Threads(8)
  public boolean baseline8Threads(RawCaller raw, Caller caller) throws SQLException {
    return debitRaw(raw, caller, ThreadLocalRandom.current().nextInt(IDS));
  }

  /**
   * The baseline in the library's batch shape, 8 threads: 50 random debits per transaction (per
   * debit a conditional {@code UPDATE} and an {@code INSERT}, each kind sent as one JDBC batch).
   */
  @Benchmark
  @Threads(8)
  @OperationsPerInvocation(BATCH)
  public int baselineBatchOf50x8Threads(RawCaller raw, Caller caller) throws SQLException {
    long[] accounts = new long[BATCH];
    String[] transferIds = new String[BATCH];
    for (int i = 0; i < BATCH; i++) {
      accounts[i] = ThreadLocalRandom.current().nextInt(IDS);
      transferIds[i] = caller.nextReference();
    }
    int applied = raw.session.debitAll(accounts, AMOUNT.minor(), transferIds);
    refused.addAndGet(BATCH - applied);
    return applied;
  }

  /** The baseline, 8 threads, all on one account. */
  @Benchmark
  @Threads(8)
  public boolean baselineHot8Threads(RawCaller raw, Caller caller) throws SQLException {
    return debitRaw(raw, caller, 0);
  }

  /** The baseline, 16 threads, random accounts. */
  @Benchmark
  @Threads(16)
  public boolean baseline16Threads(RawCaller raw, Caller caller) throws SQLException {
    return debitRaw(raw, caller, ThreadLocalRandom.current().nextInt(IDS));
  }

  /** The baseline, 16 threads, all on one account. */
  @Benchmark
  @Threads(16)
  public boolean baselineHot16Threads(RawCaller raw, Caller caller) throws SQLException {
    return debitRaw(raw, caller, 0);
  }

  private AuthorizationResult authorize(
      SettlementAuthenticator authenticator, Caller caller, IdNumber id) {
    AuthorizationResult result =
        authenticator.authorize(
            new AuthorizationRequest(id, AMOUNT, caller.terminal, caller.nextReference()));
    check(result);
    return result;
  }

  void check(AuthorizationResult result) {
    if (!(result instanceof Permit)) {
      refused.incrementAndGet();
    }
  }

  private boolean debitRaw(RawCaller raw, Caller caller, long account) throws SQLException {
    boolean done = raw.session.debit(account, AMOUNT.minor(), caller.nextReference());
    if (!done) {
      refused.incrementAndGet();
    }
    return done;
  }
}
