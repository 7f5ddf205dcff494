package dev.idsettle.operator;

import static dev.idsettle.operator.World.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.sales.Approved;
import dev.idsettle.sales.MemorySaleRecords;
import dev.idsettle.sales.SaleOrder;
import dev.idsettle.sales.SaleState;
import dev.idsettle.spi.Sealer;
import dev.idsettle.store.memory.MemoryStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way a sale and its charge, or a metered transfer and its record, can disagree, planted on
 * the memory store through public calls: the bank's own calls, orders written to the records, and
 * transfers posted under the metering engine's code.
 */
class SalesAndCallsOnMemoryTest {
  World world;

  @BeforeEach
  void open() {
    world = new World(MemoryStore.create(), MemorySaleRecords.create());
    world.trade();
    world.bank.member("carol", "carol-pw", eur(100_000));
  }

  @AfterEach
  void close() {
    world.close();
  }

  List<Difference> differences() {
    return Reconciler.builder(world.settle)
        .sales(world.bank, world.records)
        .build()
        .reconcile()
        .differences();
  }

  /** A capture of {@code minor} at the bank, refunded {@code refunded}, outside the desk. */
  String capture(String key, long minor, long refunded) {
    Approved auth = (Approved) world.bank.authorize("carol", eur(minor), key + ":a");
    Approved cap = (Approved) world.bank.capture(auth.reference(), eur(minor), key + ":c");
    if (refunded > 0) {
      world.bank.refund(cap.reference(), eur(refunded), key + ":r");
    }
    return cap.reference();
  }

  void order(String key, SaleState state, @Nullable String capture, long price, long refund) {
    SaleOrder model = world.records.order("o-1").orElseThrow();
    world.records.insertOrder(
        new SaleOrder(
            key,
            model.fingerprint(),
            model.denomination(),
            state,
            model.buyer(),
            null,
            "auth",
            capture,
            price,
            0,
            null,
            model.pinHash(),
            Integer.toHexString(key.hashCode()) + "0".repeat(56),
            null,
            0,
            refund,
            World.T0,
            World.T0,
            3));
  }

  @Test
  void theWorldOnMemoryAgreesAndSaysWhatWasNotChecked() {
    Reconciliation r =
        Reconciler.builder(world.settle)
            .sealer(Sealer.withKey(World.random(32)))
            .build()
            .reconcile();

    assertThat(r.differences()).isEmpty();
    assertThat(r.notes())
        .containsExactly(
            "a sealing key was given but the store keeps no seals: balances were checked against"
                + " the journal",
            "no gateway statement was given: charges were not matched against sales");
    assertThat(OperatorJson.write(r)).contains("\"differences\" : [ ]");
  }

  @Test
  void eachDisagreementOfASaleWithItsChargeIsNamed() {
    order("d-nocapture", SaleState.DELIVERED, null, 2000, 0);
    order("d-price", SaleState.DELIVERED, capture("x1", 1500, 0), 2000, 0);
    order("d-undelivered", SaleState.CAPTURED, capture("x2", 2000, 0), 2000, 0);
    order("d-refund", SaleState.REFUNDED, capture("x3", 2000, 300), 2000, 400);
    order("d-back", SaleState.DELIVERY_REFUNDED, capture("x4", 2000, 2000), 2000, 0);
    order("d-notback", SaleState.DELIVERY_REFUNDED, capture("x5", 2000, 0), 2000, 0);
    order("d-kept", SaleState.DELIVERED, capture("x6", 2000, 10), 2000, 0);
    order("d-refused", SaleState.REFUSED, null, 2000, 0);

    assertThat(differences())
        .extracting(Difference::kind, Difference::subject, Difference::expected, Difference::found)
        .containsExactlyInAnyOrder(
            tuple(
                DifferenceKind.SALE_WITHOUT_CHARGE,
                "order d-nocapture",
                "a capture of 2000",
                "no capture reference"),
            tuple(DifferenceKind.CHARGE_AMOUNT_MISMATCH, "order d-price", "2000 EUR", "1500 EUR"),
            tuple(
                DifferenceKind.CHARGE_NOT_DELIVERED,
                "order d-undelivered",
                "a delivered ID",
                "CAPTURED"),
            tuple(DifferenceKind.REFUND_MISMATCH, "order d-refund", "refunded 400", "refunded 300"),
            tuple(DifferenceKind.REFUND_MISMATCH, "order d-notback", "refunded 2000", "refunded 0"),
            tuple(DifferenceKind.REFUND_MISMATCH, "order d-kept", "refunded 0", "refunded 10"));
  }

  @Test
  void aMeteredCaptureWithoutARecordAndAnUnreadableRecordAreNamed() {
    AccountId driver =
        world
            .settle
            .ledger()
            .transfers(world.settle.operatorAccounts().cash("kiosk"), 0, 10)
            .get(0)
            .credit();
    AccountId revenue = world.settle.operatorAccounts().revenue("parking", "bay-9");
    TransferId stray = TransferId.random();
    TransferId garbled = TransferId.random();
    world
        .settle
        .ledger()
        .submit(
            LedgerBatch.create()
                .add(LedgerCommand.post(stray, driver, revenue, 40, "meter:parking"))
                .add(
                    LedgerCommand.post(garbled, driver, revenue, 1, "meter:valet")
                        .describedAs(Description.of("call-record", "{\"session\":"))));

    assertThat(differences())
        .extracting(Difference::kind, Difference::subject)
        .containsExactlyInAnyOrder(
            tuple(DifferenceKind.CAPTURE_WITHOUT_RECORD, "transfer " + stray),
            tuple(DifferenceKind.CAPTURE_WITHOUT_RECORD, "transfer " + garbled),
            tuple(DifferenceKind.CALL_RECORD_UNREADABLE, "transfer " + garbled));
  }

  @Test
  @SuppressWarnings("NullAway") // null on purpose: the refusal is what is tested
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Reconciler.builder(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("settle");
    assertThatThrownBy(() -> Reconciler.builder(world.settle).sealer(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sealer");
    assertThatThrownBy(() -> Reconciler.builder(world.settle).sales(world.bank, null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("records");
    assertThatThrownBy(() -> Reconciler.builder(world.settle).build().reconcile(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("progress");
  }
}
