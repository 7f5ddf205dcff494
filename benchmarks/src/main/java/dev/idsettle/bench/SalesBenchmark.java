package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.sales.CheckResult;
import dev.idsettle.sales.Denomination;
import dev.idsettle.sales.JdbcSaleRecords;
import dev.idsettle.sales.PinCost;
import dev.idsettle.sales.PurchaseRequest;
import dev.idsettle.sales.PurchaseResult;
import dev.idsettle.sales.SalesDesk;
import dev.idsettle.sales.SimulatedBank;
import dev.idsettle.store.jdbc.JdbcStore;
import java.io.IOException;
import java.util.List;
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
 * Online sales on durable embedded PostgreSQL with the simulated bank: whole purchases through the
 * saga (member check, PIN hash, reserve, authorize, capture, activation, three ledger transfers,
 * each step recorded), against the bare activation a till makes (the baseline, in the same run);
 * and check-URL recoveries (token look-up, counted guess, one Argon2id verification at {@link
 * PinCost#DEFAULT}: 19 MiB, 2 passes, 1 lane). {@link Mode#SampleTime}, which {@link Report} turns
 * into operations per second.
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
public class SalesBenchmark {
  static final int STOCK = 20_000;
  private static final Money PRICE = Money.of(2000, Fixture.EUR);

  /** The database: the durable embedded PostgreSQL server. */
  @Param({"postgres"})
  public String db;

  private Databases database;
  private IdSettle settle;
  private SalesDesk desk;
  private SettlementTerminal till;
  private List<IdNumber> issued;
  private String token;
  private final AtomicInteger nextIssued = new AtomicInteger();
  private final AtomicLong orders = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Opens the database, stocks the desk, buys one ID for the check URL. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.migrated(db);
    JdbcStore store = database.store();
    settle =
        IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey()).currency(Fixture.EUR).build();
    SimulatedBank bank = SimulatedBank.create(Fixture.EUR, 250);
    bank.member("buyer", "pw", Money.of(Long.MAX_VALUE / 4, Fixture.EUR));
    desk =
        SalesDesk.builder(settle, bank, JdbcSaleRecords.create(database.pool()))
            .deskKey(JdbcFixture.issuerKey())
            .pinCost(PinCost.DEFAULT)
            .pinLockout(100, java.time.Duration.ofMinutes(1))
            .denomination(
                new Denomination("talk-20", Denomination.Kind.TALK_TIME, PRICE, PRICE, "20"))
            .build();
    for (int i = 0; i < STOCK; i += 5_000) {
      desk.stock("talk-20", 5_000);
    }
    issued = settle.issuer().issue(STOCK, ExpiryPolicy.never()).ids();
    till = settle.terminal("bench-till");
    PurchaseResult first = buy();
    token = ((PurchaseResult.Purchased) first).checkToken();
  }

  /** Fails the run if anything was refused, then deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    settle.close();
    database.close();
    if (refused.get() > 0) {
      throw new IllegalStateException(refused.get() + " operations were refused");
    }
  }

  private PurchaseResult buy() {
    PurchaseResult r =
        desk.purchase(
            new PurchaseRequest(
                "bench-" + orders.incrementAndGet(),
                "talk-20",
                new SimulatedBank.Credential("buyer", "pw"),
                "4321"));
    if (!(r instanceof PurchaseResult.Purchased)) {
      refused.incrementAndGet();
    }
    return r;
  }

  /** One whole purchase through the saga. */
  @Benchmark
  @Threads(8)
  public PurchaseResult salesPurchase8Threads() {
    return buy();
  }

  /** One activation of an issued ID by a till: the baseline. */
  @Benchmark
  @Threads(8)
  public ActivationResult salesTillActivation8Threads() {
    int i = nextIssued.getAndIncrement();
    ActivationResult r = till.activate(issued.get(i % issued.size()), PRICE, "act-" + i);
    if (!(r instanceof Activated) && i < issued.size()) {
      refused.incrementAndGet();
    }
    return r;
  }

  /** One check-URL recovery with the right PIN. */
  @Benchmark
  @Threads(2)
  public CheckResult salesCheckUrl2Threads() {
    CheckResult r = desk.check(token, "4321");
    if (!(r instanceof CheckResult.Shown)) {
      refused.incrementAndGet();
    }
    return r;
  }
}
