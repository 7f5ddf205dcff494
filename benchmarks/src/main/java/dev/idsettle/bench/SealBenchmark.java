package dev.idsettle.bench;

import dev.idsettle.audit.LedgerAudit;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.spi.Sealer;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.io.IOException;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What tamper evidence costs per debit: authorize-and-debit through {@code IdSettle} with group
 * commit ({@code groupCommit(256)}, 16 threads, random IDs) on durable embedded PostgreSQL, with
 * the store's sealing key {@code off} and {@code on} (seals written, accounts read under lock),
 * each trial on a fresh database of {@value #IDS} active IDs ({@link SealCpuBenchmark} measures the
 * CPU of the seals alone). The sealed trial ends with {@link LedgerAudit}, which must find nothing.
 *
 * <p>Beside JMH's latency, each trial prints the CPU one debit took over its measured iterations,
 * in this JVM (every thread) and in the PostgreSQL server ({@link ProcessCpu}): the machine's other
 * load stretches wall time far more than it stretches CPU time, so the CPU the seal adds to a debit
 * is the steadier measure of its cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class SealBenchmark {
  static final int IDS = 20_000;
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  /** Whether the store seals: {@code off} or {@code on}. */
  @Param({"off", "on"})
  public String seal;

  private Databases database;
  private JdbcStore store;
  private IdNumber[] ids;
  private IdSettle settle;
  private SettlementAuthenticator authenticator;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong debits = new AtomicLong();
  private final long[] cpuAtStart = new long[3];
  private final long[] cpuMeasured = new long[3];
  private byte[] key;

  /** A fresh durable PostgreSQL with {@value #IDS} active IDs, the facade warm. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.open("postgres");
    SchemaMigrator.of(database.pool()).migrate();
    key = new byte[32];
    new SplittableRandom(7).nextBytes(key);
    JdbcStore.Builder builder = JdbcStore.builder(database.pool());
    if (seal.equals("on")) {
      builder.sealingKey(key);
    }
    store = builder.build();
    ids = JdbcFixture.activeIds(store, IDS);
    settle = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey()).groupCommit(256).build();
    authenticator = settle.authenticator(new Service("bench", Money.zero(Fixture.EUR)));
    JdbcFixture.warm(authenticator, ids, AMOUNT, this::check);
  }

  /** Notes the CPU counters at the start of a measured iteration. */
  @Setup(Level.Iteration)
  public void startIteration(IterationParams params) {
    if (params.getType() == IterationType.MEASUREMENT) {
      cpuAtStart[0] = ProcessCpu.jvmNanos();
      cpuAtStart[1] = database.serverCpuNanos();
      cpuAtStart[2] = debits.get();
    }
  }

  /** Adds a measured iteration's CPU and debits to the trial's. */
  @TearDown(Level.Iteration)
  public void endIteration(IterationParams params) {
    if (params.getType() == IterationType.MEASUREMENT) {
      cpuMeasured[0] += ProcessCpu.jvmNanos() - cpuAtStart[0];
      cpuMeasured[1] += database.serverCpuNanos() - cpuAtStart[1];
      cpuMeasured[2] += debits.get() - cpuAtStart[2];
    }
  }

  /** Audits a sealed ledger, then deletes the database; fails the run on a refusal or a finding. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    long n = Math.max(1, cpuMeasured[2]);
    System.out.printf(
        "%n  cpu per debit (seal %s, %d debits): jvm %.1f us, postgres %.1f us, total %.1f us%n",
        seal,
        cpuMeasured[2],
        cpuMeasured[0] / 1e3 / n,
        cpuMeasured[1] / 1e3 / n,
        (cpuMeasured[0] + cpuMeasured[1]) / 1e3 / n);
    try {
      settle.close();
      if (seal.equals("on")) {
        long start = System.nanoTime();
        var report = LedgerAudit.check(store, Sealer.withKey(key));
        System.out.printf(
            "%n  audit: %d transfers, %d accounts in %.1f s, %d findings%n",
            report.transfers(),
            report.accounts(),
            (System.nanoTime() - start) / 1e9,
            report.findings().size());
        if (!report.findings().isEmpty()) {
          throw new IllegalStateException("the audit found " + report.findings().get(0));
        }
      }
    } finally {
      database.close();
    }
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " debits were refused");
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
  }

  /** The library with group commit, 16 threads, random IDs. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult groupCommit16Threads(Caller caller) {
    IdNumber id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
    AuthorizationResult result =
        authenticator.authorize(
            new AuthorizationRequest(
                id, AMOUNT, caller.terminal, caller.terminal + caller.counter++));
    check(result);
    debits.incrementAndGet();
    return result;
  }

  void check(AuthorizationResult result) {
    if (!(result instanceof Permit)) {
      refused.incrementAndGet();
    }
  }
}
