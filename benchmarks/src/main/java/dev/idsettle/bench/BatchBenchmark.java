package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.store.memory.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * 50 debits as one {@code authorizeAll} batch against 50 single {@code authorize} calls, scored per
 * debit (µs/op with {@code @OperationsPerInvocation(50)}). {@code roundTripMicros} = 0 is the
 * memory store as it is; 100 wraps it in a {@link RoundTripStore} that SIMULATES a remote store by
 * parking 100 µs in each SPI call. Target: with a round trip, a batch of 50 costs at most a tenth
 * of 50 single calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(BatchBenchmark.BATCH)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class BatchBenchmark {
  static final int BATCH = 50;
  static final int IDS = 10_000;
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  /** The simulated round trip per SPI call, in microseconds; 0 for the bare memory store. */
  @Param({"0", "100"})
  public int roundTripMicros;

  private RoundTripStore store;
  private IdNumber[] ids;
  private SettlementAuthenticator authenticator;
  private long counter;
  private long refused;
  private long debits;

  /** Issues and activates the IDs at memory speed, then turns the round trip on. */
  @Setup(Level.Trial)
  public void setUp() {
    store = new RoundTripStore(MemoryStore.create());
    Fixture fixture = Fixture.activeIds(store, IDS);
    ids = fixture.ids();
    authenticator = fixture.settle().authenticator(new Service("bench", Money.zero(Fixture.EUR)));
    store.enable(roundTripMicros);
  }

  /** Fails the run if anything was refused; prints the round trips each debit cost. */
  @TearDown(Level.Trial)
  public void checkAndReport() {
    if (refused > 0) {
      throw new IllegalStateException(refused + " debits were refused");
    }
    System.out.printf(
        "%n  store calls (simulated round trips) per debit: %.3f%n",
        (double) store.roundTrips() / Math.max(1, debits));
  }

  /** 50 debits in one {@code authorizeAll}: one store transaction. */
  @Benchmark
  public List<AuthorizationResult> batchOf50() {
    List<AuthorizationResult> results = authenticator.authorizeAll(requests());
    results.forEach(this::count);
    return results;
  }

  /** The same 50 debits as 50 {@code authorize} calls. */
  @Benchmark
  public void fiftySingleCalls(Blackhole blackhole) {
    for (AuthorizationRequest request : requests()) {
      AuthorizationResult result = authenticator.authorize(request);
      count(result);
      blackhole.consume(result);
    }
  }

  private List<AuthorizationRequest> requests() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<AuthorizationRequest> requests = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      IdNumber id = ids[random.nextInt(ids.length)];
      requests.add(new AuthorizationRequest(id, AMOUNT, "kiosk", "r" + counter++));
    }
    return requests;
  }

  private void count(AuthorizationResult result) {
    debits++;
    if (!(result instanceof Permit)) {
      refused++;
    }
  }
}
