package dev.idsettle.catalog;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A shop on a real store: IdSettle, the "shop" service, a catalogue of a mug (goods, 5.00) and a
 * concert ticket (12.00, valid one day), and a delivery that records what it handed over.
 */
final class Shop implements AutoCloseable {
  static final Currency EUR = Currency.getInstance("EUR");
  static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");
  static final Item MUG = Item.goods("mug", "A mug", Money.of(500, EUR));
  static final Item CONCERT =
      Item.ticket(
          "concert-0312", "Concert, 12 March", Money.of(1200, EUR), NOON.plus(Duration.ofDays(1)));

  final MutableClock clock;
  final IdSettle settle;
  final RecordingDelivery delivery;
  final Catalogue catalogue;

  Shop(LedgerStore store) {
    this(store, MutableClock.at(NOON), new RecordingDelivery());
  }

  Shop(LedgerStore store, MutableClock clock, RecordingDelivery delivery) {
    this.clock = clock;
    this.delivery = delivery;
    this.settle = IdSettle.builder(store).issuerKey(key(7)).currency(EUR).clock(clock).build();
    this.catalogue =
        Catalogue.builder(
                settle.ledger(), settle.authenticator(new Service("shop", Money.of(0, EUR))))
            .key(key(11))
            .delivery(delivery)
            .item(MUG)
            .item(CONCERT)
            .build();
  }

  static byte[] key(int seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key); // no pattern, the same in every run
    return key;
  }

  IdNumber newId(long balance) {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    if (!(settle
            .terminal("till-1")
            .activate(id, Money.of(balance, EUR), UUID.randomUUID().toString())
        instanceof Activated)) {
      throw new IllegalStateException("activation failed");
    }
    return id;
  }

  long balance(IdNumber id) {
    return settle.account(id).orElseThrow().posted();
  }

  long revenue() {
    return settle.revenue("shop").minor();
  }

  @Override
  public void close() {
    settle.close();
  }
}
