package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import java.io.IOException;
import java.util.List;
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
 * An authorization drawn from two linked IDs of one holder (claim 8) against a plain authorization,
 * in the same trial, on the memory store and on a durable PostgreSQL. Each pair is an ID holding
 * one cent, which expires first, and an ID with a large balance: a request of two cents presenting
 * the large one draws one cent from each, as one linked ledger group. Before each iteration the
 * pairs used are topped up by one cent again (outside the measurement), so that every measured
 * request draws from two IDs until the pool wraps around (then the rest draw from one). Target: at
 * most 1.3 x a plain authorization (throughput ratio at least 0.77).
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
public class LinkedBenchmark {
  private static final Money TWO = Money.of(2, Fixture.EUR);
  private static final String TILL = "bench-linked";

  /** The store: {@code memory} or a durable {@code postgres}. */
  @Param({"memory", "postgres"})
  public String store;

  private @Nullable Databases database;
  private IdSettle settle;
  private IdNumber[] plain;
  private IdNumber[] large;
  private AccountId[] small;
  private SettlementAuthenticator plainDevice;
  private SettlementAuthenticator linkedDevice;
  private int next;
  private int used;
  private long counter;

  /** Activates the plain IDs and the linked pairs. */
  @Setup(Level.Trial)
  public void setUp() {
    LedgerStore ledgerStore;
    int pairs;
    if (store.equals("postgres")) {
      database = Databases.migrated("postgres");
      ledgerStore = database.store();
      pairs = 2_000;
    } else {
      ledgerStore = MemoryStore.create();
      pairs = 60_000;
    }
    Fixture fixture = Fixture.activeIds(ledgerStore, 2 * pairs);
    settle = fixture.settle();
    Service service = new Service("bench", Money.zero(Fixture.EUR));
    plainDevice = settle.authenticator(service);
    SettlementManager manager = SettlementManager.over(settle);
    manager.register(service);
    Holders holders = Holders.over(manager);
    linkedDevice = holders.authenticator("bench");
    plain = new IdNumber[pairs];
    large = new IdNumber[pairs];
    small = new AccountId[pairs];
    List<IdNumber> cents =
        settle
            .issuer()
            .issue(pairs, ExpiryPolicy.at(java.time.Instant.parse("2999-01-01T00:00:00Z")))
            .ids();
    SettlementTerminal till = settle.terminal(TILL);
    for (int i = 0; i < pairs; i++) {
      plain[i] = fixture.ids()[i];
      large[i] = fixture.ids()[pairs + i];
      IdNumber cent = cents.get(i);
      if (!(till.activate(cent, Money.of(1, Fixture.EUR), "cent-" + i) instanceof Activated)) {
        throw new IllegalStateException("set-up activation " + i + " failed");
      }
      small[i] = settle.account(cent).orElseThrow().id();
      if (!(holders.link("holder-" + i, large[i], "link-a-" + i) instanceof Linked)
          || !(holders.link("holder-" + i, cent, "link-b-" + i) instanceof Linked)) {
        throw new IllegalStateException("set-up link " + i + " failed");
      }
    }
  }

  /** Gives the small IDs drawn in the last iteration their cent back, outside the measurement. */
  @Setup(Level.Iteration)
  public void topUp() {
    if (used == 0) {
      return;
    }
    AccountId cash = settle.operatorAccounts().cash(TILL);
    LedgerBatch batch = LedgerBatch.create();
    for (int i = 0; i < Math.min(used, small.length); i++) {
      batch.add(LedgerCommand.post(TransferId.random(), cash, small[i], 1, "top-up"));
    }
    settle.ledger().submit(batch);
    used = 0;
    next = 0;
  }

  /** Stops the database, if any. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (database != null) {
      database.close();
    }
  }

  /** A plain authorization of two cents: the {@code IdSettle} authenticator on a plain ID. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult linkedBaseline() {
    IdNumber id = plain[ThreadLocalRandom.current().nextInt(plain.length)];
    return check(
        plainDevice.authorize(new AuthorizationRequest(id, TWO, "kiosk", "p" + counter++)));
  }

  /** Two cents drawn from two linked IDs: one cent from each, in one linked group. */
  @Benchmark
  @Threads(1)
  public AuthorizationResult linkedTwoIds() {
    int i = next;
    next = (next + 1) % large.length;
    used++;
    return check(
        linkedDevice.authorize(new AuthorizationRequest(large[i], TWO, "kiosk", "l" + counter++)));
  }

  private static AuthorizationResult check(AuthorizationResult r) {
    if (!(r instanceof Permit)) {
      throw new IllegalStateException("refused: " + r);
    }
    return r;
  }
}
