package dev.idsettle.sales;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import dev.idsettle.tck.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.function.UnaryOperator;

/** A desk over a store, a simulated bank and records, with a clock tests move. */
final class Shop {
  static final Currency EUR = Currency.getInstance("EUR");
  static final PinCost CHEAP = new PinCost(64, 1, 1);
  static final Denomination TALK_20 =
      new Denomination(
          "talk-20", Denomination.Kind.TALK_TIME, eur(2000), eur(2000), "20 euros of talk time");
  static final Denomination GOODS_10 =
      new Denomination("goods-10", Denomination.Kind.GOODS, eur(1000), eur(950), "10 of goods");
  static final byte[] DESK_KEY = random(32);
  static final byte[] ISSUER_KEY = random(32);

  final MutableClock clock = MutableClock.at(Instant.parse("2026-12-07T10:00:00Z"));
  final IdSettle settle;
  final SimulatedBank bank;
  final SaleRecords records;
  final SalesDesk desk;

  Shop() {
    this(MemoryStore.create(), SimulatedBank.create(EUR, 250), MemorySaleRecords.create());
  }

  Shop(LedgerStore store, SimulatedBank bank, SaleRecords records) {
    this(store, bank, records, UnaryOperator.identity());
  }

  Shop(
      LedgerStore store,
      SimulatedBank bank,
      SaleRecords records,
      UnaryOperator<SalesDesk.Builder> tune) {
    this.settle = IdSettle.builder(store).issuerKey(ISSUER_KEY).clock(clock).build();
    this.bank = bank;
    this.records = records;
    if (!hasMember(bank, "alice")) {
      bank.member("alice", "alice-pw", eur(10_000));
      bank.member("bob", "bob-pw", eur(1_500));
    }
    this.desk = tune.apply(builder()).build();
  }

  /** Another desk (another process) over the same ledger, bank and records. */
  SalesDesk.Builder builder() {
    return SalesDesk.builder(settle, bank, records)
        .deskKey(DESK_KEY)
        .clock(clock)
        .pinCost(CHEAP)
        .pinLockout(3, Duration.ofMinutes(10))
        .denomination(TALK_20)
        .denomination(GOODS_10);
  }

  private static boolean hasMember(SimulatedBank bank, String member) {
    try {
      bank.available(member);
      return true;
    } catch (dev.idsettle.InvalidRequestException e) {
      return false;
    }
  }

  static Money eur(long minor) {
    return Money.of(minor, EUR);
  }

  static PurchaseRequest alice(String key, String denomination) {
    return new PurchaseRequest(
        key, denomination, new SimulatedBank.Credential("alice", "alice-pw"), "4321");
  }

  static Purchased purchased(PurchaseResult r) {
    if (r instanceof Purchased p) {
      return p;
    }
    throw new AssertionError("expected Purchased, was " + r);
  }

  Account account(IdNumber id) {
    return settle.account(id).orElseThrow();
  }

  long ledgerBalance(String name) {
    return settle
        .ledger()
        .account(AccountId.named("sales:web:" + name))
        .map(Account::posted)
        .orElse(0L);
  }

  AuthorizationResult spend(IdNumber id, long minor, String ref) {
    return settle
        .authenticator(new Service("phone", eur(100)))
        .authorize(new AuthorizationRequest(id, eur(minor), "kiosk-1", ref));
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
