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
import javax.crypto.Mac;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the guessing defence costs a plain authorization (a real ID, a Permit) on {@link
 * MemoryStore}, one thread: through a handle of its own source ({@code authenticator(service,
 * source)}, what README asks for), through the service's shared handle, and the {@link Baseline} of
 * {@link AuthorizeBenchmark} in the same run. The defence's share of the path is the difference
 * against the same benchmark on the commit before it (docs/PERFORMANCE.md, "Guessing defence").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Threads(1)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class GuardBenchmark {
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  private IdNumber[] ids;
  private SettlementAuthenticator sourced;
  private SettlementAuthenticator shared;
  private Baseline baseline;
  private Mac mac;
  private final List<Baseline.Entry> journal = new ArrayList<>();
  private long counter;

  /** Issues and activates the IDs, for the library and for the baseline. */
  @Setup(Level.Trial)
  public void setUp() {
    Fixture fixture = Fixture.activeIds(MemoryStore.create(), AuthorizeBenchmark.IDS);
    ids = fixture.ids();
    Service service = new Service("bench", Money.zero(Fixture.EUR));
    sourced = fixture.settle().authenticator(service, "kiosk-1");
    shared = fixture.settle().authenticator(service);
    baseline = new Baseline(fixture.issuerKey(), ids, Fixture.BALANCE);
    mac = baseline.newMac();
  }

  /** Through the handle of one source. */
  @Benchmark
  public AuthorizationResult guardedSourced() {
    return permitted(sourced);
  }

  /** Through the service's shared handle. */
  @Benchmark
  public AuthorizationResult guardedShared() {
    return permitted(shared);
  }

  /** The irreducible work, as in {@link AuthorizeBenchmark}. */
  @Benchmark
  public long guardBaseline() {
    if (journal.size() >= AuthorizeBenchmark.Caller.JOURNAL_LIMIT) {
      journal.clear();
    }
    IdNumber id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
    return baseline.debit(mac, id.digits(), AMOUNT.minor(), "r" + counter++, journal);
  }

  private AuthorizationResult permitted(SettlementAuthenticator handle) {
    IdNumber id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
    AuthorizationResult result =
        handle.authorize(new AuthorizationRequest(id, AMOUNT, "kiosk-1", "r" + counter++));
    if (!(result instanceof Permit)) {
      throw new IllegalStateException("a plain authorization was refused: " + result);
    }
    return result;
  }
}
