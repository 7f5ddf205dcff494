package dev.idsettle.tck;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One network test's roles over the fixture's store and clock: an {@link IdSettle}, its {@link
 * SettlementManager} and two services of random names ({@code phone}, {@code web}) with a
 * low-balance reference of 300, so tests never meet another test's services.
 */
public final class NetworkFixture {
  /** Every service's low-balance reference, in minor units. */
  public static final long REFERENCE = 300;

  /** One issuer key for the run (an all-zero key is refused as no key). */
  private static final byte[] KEY = randomKey();

  private final IdSettle settle;
  private final SettlementManager manager;
  private final Service phone;
  private final Service web;
  private final String till = "till-" + UUID.randomUUID();
  private final List<LowBalanceEvent> events = new CopyOnWriteArrayList<>();

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  NetworkFixture(LedgerFixture f) {
    this.settle = IdSettle.builder(f.store()).issuerKey(KEY).clock(f.clock()).build();
    this.manager = SettlementManager.over(settle);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    this.phone = new Service("phone-" + suffix, eur(REFERENCE));
    this.web = new Service("web-" + suffix, eur(REFERENCE));
    manager.register(phone);
    manager.register(web);
    settle.addLowBalanceListener(events::add);
  }

  /** Minor units of euro. */
  public static Money eur(long minor) {
    return Money.of(minor, LedgerFixture.EUR);
  }

  public IdSettle settle() {
    return settle;
  }

  public SettlementManager manager() {
    return manager;
  }

  /** The name of the first service. */
  public String phone() {
    return phone.name();
  }

  /** The name of the second service. */
  public String web() {
    return web.name();
  }

  /** The low-balance events fired so far. */
  public List<LowBalanceEvent> events() {
    return events;
  }

  /** A new issued ID that never expires. */
  public IdNumber issued() {
    return issued(ExpiryPolicy.never());
  }

  /** A new issued ID. */
  public IdNumber issued(ExpiryPolicy expiry) {
    return settle.issuer().issue(1, expiry).ids().get(0);
  }

  /** A new ID activated with {@code minor}, usable everywhere. */
  public IdNumber active(long minor) {
    IdNumber id = issued();
    ActivationResult r =
        settle.terminal(till).activate(id, eur(minor), UUID.randomUUID().toString());
    if (!(r instanceof Activated)) {
      throw new IllegalStateException("activation failed: " + r);
    }
    return id;
  }

  /** A new ID activated with {@code minor} for service {@code service} only. */
  public IdNumber routed(long minor, String service) {
    IdNumber id = issued();
    ActivationResult r =
        manager.activate(till, id, eur(minor), service, UUID.randomUUID().toString());
    if (!(r instanceof Activated)) {
      throw new IllegalStateException("routed activation failed: " + r);
    }
    return id;
  }

  /** A request of {@code minor} at {@code service} under a fresh reference. */
  public AuthorizationResult spend(String service, IdNumber id, long minor) {
    return spend(service, id, minor, UUID.randomUUID().toString());
  }

  /** A request of {@code minor} at {@code service} under {@code reference}. */
  public AuthorizationResult spend(String service, IdNumber id, long minor, String reference) {
    SettlementAuthenticator device = manager.authenticator(service);
    return device.authorize(new AuthorizationRequest(id, eur(minor), "kiosk", reference));
  }

  /** {@code reference} made unique to this fixture (selector references are global). */
  public String ref(String reference) {
    return till + ":" + reference;
  }

  /** The settlement terminal of this fixture. */
  public String till() {
    return till;
  }
}
