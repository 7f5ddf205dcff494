package dev.idsettle.http;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A manager with two services over one store, and the parties that may call it: a till, the phone
 * service's authenticator, the parking service's authenticator.
 */
final class Network implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final Service PHONE = new Service("phone", Money.of(300, "EUR"));
  static final Service PARKING = new Service("parking", Money.of(0, "EUR"));
  static final Party TILL = Party.terminal("till-1");
  static final Party PHONE_DEVICE = Party.authenticator("phone-1", "phone");
  static final Party PARKING_DEVICE = Party.authenticator("parking-1", "parking");

  final MutableClock clock = new MutableClock(NOW);
  final IdSettle settle;
  final SettlementManager manager;
  final ManagerEndpoint endpoint;
  final Parties parties;

  Network() {
    this(MemoryStore.create());
  }

  Network(LedgerStore store) {
    settle = IdSettle.builder(store).issuerKey(key(1)).clock(clock).build();
    manager = SettlementManager.over(settle);
    manager.register(PHONE);
    manager.register(PARKING);
    endpoint = ManagerEndpoint.of(settle, manager);
    parties =
        Parties.builder()
            .add(TILL, key(TILL))
            .add(PHONE_DEVICE, key(PHONE_DEVICE))
            .add(PARKING_DEVICE, key(PARKING_DEVICE))
            .build();
  }

  static byte[] key(Party party) {
    return key(party.name().hashCode());
  }

  static byte[] key(long seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key); // no pattern, the same in every run
    return key;
  }

  List<IdNumber> issue(int n) {
    return settle.issuer().issue(n, ExpiryPolicy.never()).ids();
  }

  /** The ID's available balance, read from the ledger directly. */
  long balance(IdNumber id) {
    return settle.account(id).orElseThrow().available();
  }

  @Override
  public void close() {
    settle.close();
  }

  /** A clock the tests move. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
