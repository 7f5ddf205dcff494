package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * One authorization through the settlement network against a plain one, in the same trial, on the
 * memory store and on a durable PostgreSQL: presented as a sub-ID, and spent from the ID's envelope
 * for the service, against the plain authenticator on an ID without either. Also the manager's
 * authenticator on a plain ID (which looks up whether the ID has an envelope). Target: each network
 * path costs at most 1.3 times a plain authorization (throughput ratio at least 0.77).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class NetworkBenchmark {
  private static final Money AMOUNT = Money.of(1, Fixture.EUR);

  /** The store: {@code memory} or a durable {@code postgres}. */
  @Param({"memory", "postgres"})
  public String store;

  private @Nullable Databases database;
  private IdNumber[] plain;
  private IdNumber[] enveloped;
  private IdNumber[] subIds;
  private SettlementAuthenticator plainDevice;
  private SettlementAuthenticator networkDevice;
  private long counter;

  /** Activates IDs; half of them get an envelope and a sub-ID for the service. */
  @Setup(Level.Trial)
  public void setUp() {
    LedgerStore ledgerStore;
    int count;
    if (store.equals("postgres")) {
      database = Databases.migrated("postgres");
      ledgerStore = database.store();
      count = 1_000;
    } else {
      ledgerStore = MemoryStore.create();
      count = 20_000;
    }
    Fixture fixture = Fixture.activeIds(ledgerStore, 2 * count);
    IdSettle settle = fixture.settle();
    Service service = new Service("bench", Money.zero(Fixture.EUR));
    plainDevice = settle.authenticator(service);
    SettlementManager manager = SettlementManager.over(settle);
    networkDevice = manager.register(service);
    plain = new IdNumber[count];
    enveloped = new IdNumber[count];
    subIds = new IdNumber[count];
    Money half = Money.of(Fixture.BALANCE / 2, Fixture.EUR);
    for (int i = 0; i < count; i++) {
      plain[i] = fixture.ids()[i];
      IdNumber id = fixture.ids()[count + i];
      enveloped[i] = id;
      if (!(manager.selector().select(id, Map.of("bench", half), "split-" + i)
          instanceof Selected)) {
        throw new IllegalStateException("set-up split " + i + " failed");
      }
      if (!(manager.subId(id, "bench", "bench-setup") instanceof SubIdIssued issued)) {
        throw new IllegalStateException("set-up sub-ID " + i + " failed");
      }
      subIds[i] = issued.subId();
    }
  }

  /** Stops the database, if any. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (database != null) {
      database.close();
    }
  }

  /** A plain authorization: the {@code IdSettle} authenticator on a plain ID. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult plainAuthorization() {
    return authorize(plainDevice, plain);
  }

  /** The manager's authenticator on a plain ID: it looks up whether the ID has an envelope. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult networkPlainId() {
    return authorize(networkDevice, plain);
  }

  /** The manager's authenticator spending the ID's envelope for the service. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult envelope() {
    return authorize(networkDevice, enveloped);
  }

  /** The manager's authenticator on a sub-ID, spending the ID's envelope. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult subId() {
    return authorize(networkDevice, subIds);
  }

  private AuthorizationResult authorize(SettlementAuthenticator device, IdNumber[] ids) {
    IdNumber id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
    AuthorizationResult r =
        device.authorize(new AuthorizationRequest(id, AMOUNT, "kiosk", "r" + counter++));
    if (!(r instanceof Permit)) {
      throw new IllegalStateException("refused: " + r);
    }
    return r;
  }
}
