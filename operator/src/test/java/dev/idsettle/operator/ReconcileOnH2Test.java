package dev.idsettle.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.metering.SessionIds;
import dev.idsettle.sales.Approved;
import dev.idsettle.sales.JdbcSaleRecords;
import dev.idsettle.sales.SaleOrder;
import dev.idsettle.sales.SaleState;
import dev.idsettle.spi.Sealer;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation on an H2 file with a sealing store: a clean ledger with sales and metered calls
 * agrees, and each difference planted behind the library's back (in SQL, at the bank, in the sale
 * records) is found and named.
 */
class ReconcileOnH2Test {
  static final byte[] SEALING_KEY = World.random(32);

  HikariDataSource pool;
  World world;

  @BeforeEach
  void open() {
    pool = Databases.h2("reconcile");
    SchemaMigrator.of(pool).migrate();
    world =
        new World(
            JdbcStore.builder(pool).sealingKey(SEALING_KEY).build(), JdbcSaleRecords.create(pool));
    world.trade();
  }

  @AfterEach
  void close() {
    world.close();
    pool.close();
  }

  Reconciliation reconcile() {
    return Reconciler.builder(world.settle)
        .sealer(Sealer.withKey(SEALING_KEY))
        .sales(world.bank, world.records)
        .build()
        .reconcile();
  }

  @Test
  void aCleanLedgerWithSalesAndCallsReconcilesToNoDifference() {
    List<long[]> calls = new ArrayList<>();
    Reconciliation r =
        Reconciler.builder(world.settle)
            .sealer(Sealer.withKey(SEALING_KEY))
            .sales(world.bank, world.records)
            .build()
            .reconcile((done, total) -> calls.add(new long[] {done, total}));

    assertThat(r.differences()).isEmpty();
    assertThat(r.clean()).isTrue();
    assertThat(r.notes()).isEmpty();
    assertThat(r.orders()).isEqualTo(2);
    assertThat(r.charges()).isEqualTo(2);
    assertThat(r.callRecords()).isEqualTo(2);
    assertThat(r.transfers()).isGreaterThan(10);
    assertThat(calls).isNotEmpty();
    long[] last = calls.get(calls.size() - 1);
    assertThat(last[0]).isEqualTo(last[1]).isPositive();
    assertThat(calls.subList(0, calls.size() - 1)).allSatisfy(c -> assertThat(c[1]).isEqualTo(-1));
  }

  @Test
  void aBalanceChangedInSqlIsFoundWithBothFigures() throws SQLException {
    AccountId driver = driver();
    long posted = world.settle.ledger().account(driver).orElseThrow().posted();

    sql("UPDATE idsettle_account SET posted = posted + 500 WHERE id = ?", driver.value());

    assertThat(reconcile().differences())
        .extracting(Difference::kind, Difference::subject, Difference::expected, Difference::found)
        .containsExactlyInAnyOrder(
            tuple(
                DifferenceKind.BALANCE_MISMATCH,
                "account " + driver,
                Long.toString(posted),
                Long.toString(posted + 500)),
            tuple(
                DifferenceKind.ACCOUNT_SEAL_MISMATCH, "account " + driver, "as sealed", "changed"),
            tuple(DifferenceKind.VALUE_NOT_CONSERVED, "currency EUR", "0", "500"));
  }

  @Test
  void aJournalRowsAmountChangedIsFoundOnItsTwoAccountsAndItsSeal() throws SQLException {
    Transfer debit =
        world.settle.ledger().transfers(driver(), 0, 100).stream()
            .filter(t -> t.code().equals("svc:phone"))
            .findFirst()
            .orElseThrow();

    sql(
        "UPDATE idsettle_transfer SET amount = amount + 1 WHERE seq = ?",
        world.positionOf(debit.id()));

    assertThat(reconcile().differences())
        .extracting(Difference::kind, Difference::subject)
        .containsExactlyInAnyOrder(
            tuple(DifferenceKind.TRANSFER_SEAL_MISMATCH, "transfer " + debit.id()),
            tuple(DifferenceKind.BALANCE_MISMATCH, "account " + debit.debit()),
            tuple(DifferenceKind.BALANCE_MISMATCH, "account " + debit.credit()));
  }

  @Test
  void aDeliveredSaleWithoutItsChargeIsFoundWithItsKeyMasked() {
    SaleOrder sold = world.records.order("o-1").orElseThrow();
    String key = "o-4000123412341234";
    world.records.insertOrder(
        new SaleOrder(
            key,
            sold.fingerprint(),
            sold.denomination(),
            SaleState.DELIVERED,
            sold.buyer(),
            null,
            "auth-404",
            "cap-404",
            2000,
            50,
            null,
            sold.pinHash(),
            "0".repeat(64),
            null,
            0,
            0,
            World.T0,
            World.T0,
            7));

    List<Difference> found = reconcile().differences();

    assertThat(found)
        .extracting(Difference::kind, Difference::subject, Difference::found)
        .containsExactly(
            tuple(
                DifferenceKind.SALE_WITHOUT_CHARGE,
                "order o-************1234",
                "not on the statement"));
    assertThat(found.toString()).doesNotContain("4000123412341234");
  }

  @Test
  void aChargeWithoutASaleIsFound() {
    Approved auth = (Approved) world.bank.authorize("alice", World.eur(700), "stray:authorize");
    Approved capture =
        (Approved) world.bank.capture(auth.reference(), World.eur(700), "stray:capture");

    assertThat(reconcile().differences())
        .extracting(Difference::kind, Difference::subject, Difference::expected, Difference::found)
        .containsExactly(
            tuple(
                DifferenceKind.CHARGE_WITHOUT_SALE,
                "capture " + capture.reference(),
                "a sale for 700",
                "no sale"));
  }

  @Test
  void aCallRecordWhoseCaptureDiffersIsFound() throws SQLException {
    long capture = world.positionOf(SessionIds.capture("parking", "bay-7", 1));

    sql("UPDATE idsettle_transfer SET amount = amount + 5 WHERE seq = ?", capture);

    assertThat(reconcile().differences())
        .filteredOn(d -> d.kind() == DifferenceKind.CALL_RECORD_MISMATCH)
        .extracting(Difference::subject, Difference::expected, Difference::found)
        .containsExactly(tuple("session bay-7 of parking", "175", "180"));
  }

  private AccountId driver() {
    return world
        .settle
        .ledger()
        .transfers(world.settle.operatorAccounts().cash("kiosk"), 0, 10)
        .get(0)
        .credit();
  }

  private void sql(String statement, long value) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      c.setAutoCommit(true);
      ps.setLong(1, value);
      assertThat(ps.executeUpdate()).as(statement).isEqualTo(1);
    }
  }
}
