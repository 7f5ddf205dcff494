package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.metering.Exact;
import dev.idsettle.metering.FailureHandling;
import dev.idsettle.metering.Interval;
import dev.idsettle.metering.MeteredService;
import dev.idsettle.metering.MeteringEngine;
import dev.idsettle.metering.OpenRequest;
import dev.idsettle.metering.Rate;
import dev.idsettle.metering.Rating;
import dev.idsettle.metering.Rounding;
import dev.idsettle.metering.SessionAnswer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.store.jdbc.JdbcStore;
import java.io.IOException;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Credit-control requests (a call's open, three updates and its terminate, each one request of its
 * own) through the metering engine, against single authorizations through the authenticator, both
 * with group commit ({@code groupCommit(256)}) on durable embedded PostgreSQL at 16 threads over
 * {@value #IDS} active IDs, in the same run. An open is a hold; an update a capture and the next
 * hold in one batch; a terminate a capture. Both in {@link Mode#SampleTime}, which {@link Report}
 * turns into requests per second.
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
public class MeteringBenchmark {
  static final int IDS = 20_000;
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  /** The database: the durable embedded PostgreSQL server. */
  @Param({"postgres"})
  public String db;

  private Databases database;
  private IdNumber[] ids;
  private IdSettle settle;
  private MeteringEngine engine;
  private SettlementAuthenticator authenticator;
  private final AtomicLong refused = new AtomicLong();

  /** 30/6 at 21 cents a minute with a 5 cent connection fee. */
  static final Rate RATE =
      new Rate(
          "30/6",
          Exact.of(5),
          Exact.ZERO,
          List.of(
              Interval.perUnit(0, 30, Exact.of(21), 60),
              Interval.perUnit(30, 6, Exact.of(21), 60)));

  /** Opens the database, activates the IDs, builds the engine and the authenticator. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.migrated(db);
    JdbcStore store = database.store();
    ids = JdbcFixture.activeIds(store, IDS);
    settle = JdbcFixture.groupCommitting(store);
    engine =
        MeteringEngine.create(
            settle,
            new MeteredService(
                "bench-calls", 60, Duration.ofSeconds(90), 0, FailureHandling.terminate()));
    authenticator = settle.authenticator(new Service("bench", Money.zero(Fixture.EUR)));
    List<AuthorizationRequest> warm = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      warm.add(new AuthorizationRequest(ids[i], AMOUNT, "warm-up", "warm-up-" + i));
      if (warm.size() == 1_000 || i == ids.length - 1) {
        authenticator.authorizeAll(warm).forEach(this::check);
        warm.clear();
      }
    }
  }

  /** Fails the run if anything was refused, then deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    settle.close();
    database.close();
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " requests were refused");
    }
  }

  /** One calling thread: its call in progress. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Caller {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private String name;
    private long calls;
    private long references;
    private String call = "";
    private int seq = -1;

    /** Names this thread. */
    @Setup(Level.Trial)
    public void setUp() {
      name = "line-" + THREADS.incrementAndGet();
    }
  }

  /** One credit-control request: the next of its thread's call (open, 3 updates, terminate). */
  @Benchmark
  @Threads(16)
  public SessionAnswer meteringCreditControl16Threads(Caller c) {
    SessionAnswer answer;
    if (c.seq < 0) {
      c.call = c.name + "-" + c.calls++;
      IdNumber id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
      answer =
          engine.open(
              new OpenRequest(
                  c.call, id, Rating.of(RATE, Rounding.UP, Fixture.EUR), "bench", "33"));
      c.seq = 0;
    } else if (++c.seq < 4) {
      answer = engine.update(c.call, c.seq, 50L * c.seq);
    } else {
      answer = engine.terminate(c.call, c.seq, 50L * c.seq);
      c.seq = -1;
      if (((SessionAnswer.Ended) answer).charged() == 0) {
        refused.incrementAndGet();
      }
      return answer;
    }
    if (!(answer instanceof SessionAnswer.Granted)) {
      refused.incrementAndGet();
    }
    return answer;
  }

  /** One authorization (a debit) of a random ID: the baseline. */
  @Benchmark
  @Threads(16)
  public AuthorizationResult meteringAuthorize16Threads(Caller c) {
    AuthorizationResult r =
        authenticator.authorize(
            new AuthorizationRequest(
                ids[ThreadLocalRandom.current().nextInt(ids.length)],
                AMOUNT,
                c.name,
                c.name + "-" + c.references++));
    check(r);
    return r;
  }

  private void check(AuthorizationResult r) {
    if (!(r instanceof Permit)) {
      refused.incrementAndGet();
    }
  }
}
