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
import java.sql.SQLException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Authorize-and-debit through {@code IdSettle} with group commit on a SQLite file ({@link
 * JdbcStore}'s default durability: WAL, {@code synchronous=FULL}), 16 threads, over 100 000 active
 * IDs, against the {@link RawWriter} baseline in the same shape (one writer, up to 50 waiting
 * debits per transaction) on a SQLite file, and against the library on today's H2 default (an H2
 * file, the store's default durability, group commit off as {@code IdSettle}'s default). Every
 * trial opens a fresh database, deleted at its end; {@link Mode#SampleTime} gives p99, and {@link
 * Report} the throughput (threads / mean latency) and the ratios.
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
public class SqliteBenchmark {
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  private Databases database;
  private final AtomicLong refused = new AtomicLong();

  /** A SQLite file, or an H2 file for the {@code h2*} methods, with the ledger's schema. */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    database = Databases.migrated(params.getBenchmark().contains(".h2") ? "h2" : "sqlite");
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
   * The library's side: 100 000 IDs issued and activated, one facade (group commit of up to 256 for
   * the {@code sqliteGroupCommit*} methods, off for {@code h2Library16Threads}), every ID debited
   * once so that its caches are warm.
   */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Library {
    private IdNumber[] ids;
    private IdSettle settle;
    private SettlementAuthenticator authenticator;

    /** Issues and activates the IDs and warms the trial's facade. */
    @Setup(Level.Trial)
    public void setUp(SqliteBenchmark benchmark, BenchmarkParams params) {
      JdbcStore store = JdbcStore.builder(benchmark.database.pool()).build();
      ids = JdbcFixture.activeIds(store, JdbcBenchmark.IDS);
      IdSettle.Builder builder = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey());
      if (params.getBenchmark().contains("GroupCommit")) {
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

  /** The baseline's tables and its writer. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Raw {
    private RawWriter writer;

    /** WAL mode, the baseline's accounts, the writer. */
    @Setup(Level.Trial)
    public void setUp(SqliteBenchmark benchmark) throws SQLException {
      RawWriter.walMode(benchmark.database.pool());
      RawDebits.create(benchmark.database.pool(), JdbcBenchmark.IDS, Fixture.BALANCE);
      writer = new RawWriter(benchmark.database.pool());
    }

    /** Stops the writer. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      writer.close();
    }
  }

  /** One calling thread's terminal and references. */
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

  /** The library with group commit on SQLite, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult sqliteGroupCommit16Threads(Library library, Caller caller) {
    return authorize(library, caller, library.randomId());
  }

  /** The library with group commit on SQLite, 16 threads, all on one ID. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult sqliteGroupCommitHot16Threads(Library library, Caller caller) {
    return authorize(library, caller, library.ids[0]);
  }

  /** The library on today's H2 default (no group commit), 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult h2Library16Threads(Library library, Caller caller) {
    return authorize(library, caller, library.randomId());
  }

  /** The one-writer baseline on SQLite, 16 threads, random accounts. */
  @Benchmark
  @Threads(16)
  public boolean sqliteRawWriter16Threads(Raw raw, Caller caller) {
    return debitRaw(raw, caller, ThreadLocalRandom.current().nextInt(JdbcBenchmark.IDS));
  }

  /** The one-writer baseline on SQLite, 16 threads, all on one account. */
  @Benchmark
  @Threads(16)
  public boolean sqliteRawWriterHot16Threads(Raw raw, Caller caller) {
    return debitRaw(raw, caller, 0);
  }

  private AuthorizationResult authorize(Library library, Caller caller, IdNumber id) {
    AuthorizationResult result =
        library.authenticator.authorize(
            new AuthorizationRequest(id, AMOUNT, caller.terminal, caller.nextReference()));
    check(result);
    return result;
  }

  void check(AuthorizationResult result) {
    if (!(result instanceof Permit)) {
      refused.incrementAndGet();
    }
  }

  private boolean debitRaw(Raw raw, Caller caller, long account) {
    boolean done = raw.writer.debit(account, AMOUNT.minor(), caller.nextReference());
    if (!done) {
      refused.incrementAndGet();
    }
    return done;
  }
}
