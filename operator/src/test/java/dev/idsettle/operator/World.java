package dev.idsettle.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.TransferId;
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
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.sales.Denomination;
import dev.idsettle.sales.PinCost;
import dev.idsettle.sales.PurchaseRequest;
import dev.idsettle.sales.PurchaseResult;
import dev.idsettle.sales.RefundResult;
import dev.idsettle.sales.SaleRecords;
import dev.idsettle.sales.SalesDesk;
import dev.idsettle.sales.SimulatedBank;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A small operator's world over one store: a sales desk selling through the simulated bank, a
 * parking service metered by the minute, an ID debited at a service. {@link #trade} fills it.
 */
final class World implements AutoCloseable {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
  static final Denomination TALK_20 =
      new Denomination(
          "talk-20", Denomination.Kind.TALK_TIME, eur(2000), eur(2000), "20 euros of talk time");

  final MutableClock clock = new MutableClock(T0);
  final IdSettle settle;
  final SimulatedBank bank = SimulatedBank.create(EUR, 250);
  final SaleRecords records;
  final SalesDesk desk;
  final MeteringEngine parking;
  final Rating byTheMinute =
      Rating.of(
          new Rate(
              "parking",
              Exact.ZERO,
              Exact.ZERO,
              List.of(new Interval(0, 60, Exact.of(100)), new Interval(60, 15, Exact.of(25)))),
          Rounding.UP,
          EUR);

  World(LedgerStore store, SaleRecords records) {
    this.settle = IdSettle.builder(store).issuerKey(random(32)).currency(EUR).clock(clock).build();
    this.records = records;
    bank.member("alice", "alice-pw", eur(10_000));
    this.desk =
        SalesDesk.builder(settle, bank, records)
            .deskKey(random(32))
            .clock(clock)
            .pinCost(new PinCost(64, 1, 1))
            .denomination(TALK_20)
            .build();
    this.parking =
        MeteringEngine.create(
            settle,
            new MeteredService(
                "parking", 60, Duration.ofHours(2), 15, FailureHandling.terminate()));
  }

  static Money eur(long minor) {
    return Money.of(minor, EUR);
  }

  /**
   * Two sales (one refunded after a spend), two parked cars on one ID, a debit at a service: every
   * kind of record the reconciliation matches.
   */
  void trade() {
    desk.stock("talk-20", 3);
    assertThat(desk.purchase(alice("o-1"))).isInstanceOf(PurchaseResult.Purchased.class);
    PurchaseResult second = desk.purchase(alice("o-2"));
    assertThat(second).isInstanceOf(PurchaseResult.Purchased.class);
    IdNumber bought = ((PurchaseResult.Purchased) second).id();
    assertThat(spend(bought, "phone", 500, "kiosk-1", "r-1")).isInstanceOf(Permit.class);
    assertThat(desk.refund("o-2", "refund-1")).isInstanceOf(RefundResult.Refunded.class);

    IdNumber driver = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    assertThat(settle.terminal("kiosk").activate(driver, eur(1000), "sale-1"))
        .isInstanceOf(Activated.class);
    parking.open(new OpenRequest("bay-7", driver, byTheMinute, "meter 12", "zone B"));
    parking.update("bay-7", 1, 60);
    assertThat(parking.terminate("bay-7", 2, 95)).isInstanceOf(SessionAnswer.Ended.class);
    parking.open(new OpenRequest("bay-8", driver, byTheMinute, "meter 12", "zone B"));
    assertThat(parking.terminate("bay-8", 1, 20)).isInstanceOf(SessionAnswer.Ended.class);
    assertThat(spend(driver, "phone", 150, "kiosk-2", "r-2")).isInstanceOf(Permit.class);
  }

  Object spend(IdNumber id, String service, long minor, String terminal, String ref) {
    return settle
        .authenticator(new Service(service, eur(1000)), terminal)
        .authorize(new AuthorizationRequest(id, eur(minor), terminal, ref));
  }

  PurchaseRequest alice(String key) {
    return new PurchaseRequest(
        key, "talk-20", new SimulatedBank.Credential("alice", "alice-pw"), "4321");
  }

  /** The position of transfer {@code id} in the store's journal (its {@code seq} in SQL). */
  long positionOf(TransferId id) {
    for (SealedTransfer t :
        settle.ledger().store().journal().orElseThrow().transfers(0, 1_000_000)) {
      if (t.transfer().id().equals(id)) {
        return t.position();
      }
    }
    throw new IllegalStateException("no transfer " + id);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    settle.close();
  }
}
