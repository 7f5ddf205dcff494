package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.eur;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.id.IdNumber;
import dev.idsettle.sales.PurchaseResult.PurchaseRefused;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.SimulatedBank.Operation;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.jdbc.TestDatabases;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The saga over real stores: the ledger in jdbc-store and the sale records in their own tables, on
 * H2, SQLite and durable PostgreSQL (and in memory): concurrent buyers of the last IDs of a
 * denomination, and a desk killed after the charge whose successor delivers the ID once.
 */
class DeskOnDatabasesTest {
  @SuppressWarnings("ImmutableEnumChecker") // each constant supplies the test's shared pool
  enum Db {
    MEMORY(() -> null),
    H2(() -> TestDatabases.h2("desk")),
    SQLITE(() -> TestDatabases.sqlite("desk")),
    POSTGRES(TestDatabases::postgres);

    final Supplier<@Nullable HikariDataSource> pool;

    Db(Supplier<@Nullable HikariDataSource> pool) {
      this.pool = pool;
    }
  }

  @Nullable HikariDataSource pool;

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private Shop shop(Db db, SimulatedBank bank) {
    pool = db.pool.get();
    if (pool == null) {
      return new Shop(MemoryStore.create(), bank, MemorySaleRecords.create());
    }
    SchemaMigrator.of(pool).migrate();
    return new Shop(ledger(), bank, JdbcSaleRecords.create(pool));
  }

  private LedgerStore ledger() {
    return JdbcStore.builder(java.util.Objects.requireNonNull(pool)).build();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void concurrentBuyersOfTheLastIdsGetEachIdOnceAndAreChargedOnlyForThem(Db db) throws Exception {
    Shop shop = shop(db, SimulatedBank.create(Shop.EUR, 250));
    shop.desk.stock("talk-20", 3);
    List<Callable<PurchaseResult>> buyers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String key = "o-" + i;
      buyers.add(() -> shop.desk.purchase(alice(key, "talk-20")));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    Set<IdNumber> sold = new HashSet<>();
    int soldOut = 0;
    try {
      for (Future<PurchaseResult> f : threads.invokeAll(buyers)) {
        PurchaseResult r = f.get();
        if (r instanceof Purchased p) {
          assertThat(sold.add(p.id())).as("an ID sold twice").isTrue();
        } else {
          assertThat(r).isInstanceOf(PurchaseRefused.class);
          assertThat(((PurchaseRefused) r).reason()).isEqualTo(PurchaseRefusal.SOLD_OUT);
          soldOut++;
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(sold).hasSize(3);
    assertThat(soldOut).isEqualTo(5);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(6000));
    assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(3);
    assertThat(shop.ledgerBalance("operator")).isEqualTo(3 * 1950);
    for (IdNumber id : sold) {
      assertThat(shop.account(id).posted()).isEqualTo(2000);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Db.class,
      names = {"H2", "SQLITE", "POSTGRES"})
  void aDeskKilledAfterTheChargeIsFinishedByItsSuccessorOnce(Db db) {
    SimulatedBank bank = SimulatedBank.create(Shop.EUR, 250);
    Shop first = shop(db, bank);
    first.desk.stock("talk-20", 1);
    SalesDesk dying =
        SalesDesk.builder(
                first.settle, bank, new CrashingRecords(first.records, SaleState.CAPTURED, false))
            .deskKey(Shop.DESK_KEY)
            .clock(first.clock)
            .pinCost(Shop.CHEAP)
            .denomination(Shop.TALK_20)
            .build();
    assertThatThrownBy(() -> dying.purchase(alice("o-1", "talk-20")))
        .isInstanceOf(CrashingRecords.Crash.class);
    assertThat(bank.charged("alice")).isEqualTo(eur(2000));

    // a new process: new ledger handle, new records handle, same database and bank
    Shop second =
        new Shop(ledger(), bank, JdbcSaleRecords.create(java.util.Objects.requireNonNull(pool)));
    second.clock.set(first.clock.instant().plus(Duration.ofMinutes(6)));
    assertThat(second.desk.recover()).isEqualTo(new RecoveryReport(1, 0, 0));
    assertThat(second.desk.recover()).isEqualTo(new RecoveryReport(0, 0, 0));
    Purchased p = purchased(second.desk.purchase(alice("o-1", "talk-20")));
    assertThat(second.account(p.id()).posted()).isEqualTo(2000);
    assertThat(bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(bank.performed(Operation.CAPTURE)).isEqualTo(1);
    assertThat(second.ledgerBalance("operator")).isEqualTo(1950);
    assertThat(second.desk.check(p.checkToken(), "4321")).isEqualTo(new CheckResult.Shown(p.id()));
  }
}
