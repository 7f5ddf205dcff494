package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The network's links of an ID, found by {@link AccountKey}s: its envelope for a service (claim 5)
 * and the one service it is routed to (claim 2). Caches only what exists, which never changes once
 * written (a key is immutable): an envelope is the envelope of that ID and service forever, a route
 * is never changed. That an ID has no envelope or route yet is read from the store every time (over
 * a store with local reads, everything is).
 */
final class Routes {
  static final String ENVELOPE = "envelope:";
  static final String ROUTE = "route:";

  private final Ledger ledger;
  private final IdHasher hasher;
  private final @Nullable Cache<IdHash, AccountKey> found;

  Routes(Ledger ledger, IdHasher hasher, long cacheSize) {
    this.ledger = ledger;
    this.hasher = hasher;
    this.found = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  IdHash envelopeHash(AccountId master, String service) {
    return hasher.derive("envelope", Long.toString(master.value()), service);
  }

  IdHash routeHash(AccountId master) {
    return routeHash(hasher, master);
  }

  static IdHash routeHash(IdHasher hasher, AccountId master) {
    return hasher.derive("route", Long.toString(master.value()));
  }

  /** The envelope account of {@code master} for {@code service}, or null if it has none. */
  @Nullable AccountId envelope(AccountId master, String service) {
    AccountKey key = key(envelopeHash(master, service));
    return key == null ? null : key.account();
  }

  /** The service {@code master} is routed to, or null if it is usable everywhere. */
  @Nullable String route(AccountId master) {
    AccountKey key = key(routeHash(master));
    return key == null ? null : key.tag().substring(ROUTE.length());
  }

  /** Every envelope of {@code master}, by service (one store read, not cached). */
  Map<String, AccountId> envelopes(AccountId master) {
    java.util.TreeMap<String, AccountId> out = new java.util.TreeMap<>();
    for (AccountKey k : ledger.keysOwnedBy(master)) {
      if (k.tag().startsWith(ENVELOPE)) {
        out.put(k.tag().substring(ENVELOPE.length()), k.account());
      }
    }
    return out;
  }

  AccountKey envelopeKey(AccountId master, String service, AccountId envelope) {
    return new AccountKey(envelopeHash(master, service), envelope, master, ENVELOPE + service);
  }

  AccountKey routeKey(AccountId master, String service) {
    return new AccountKey(routeHash(master), master, master, ROUTE + service);
  }

  /** Remembers a key known to exist (just written, or just read). */
  void remember(AccountKey key) {
    Cache<IdHash, AccountKey> cache = found;
    if (cache != null) {
      cache.put(key.hash(), key);
    }
  }

  private @Nullable AccountKey key(IdHash hash) {
    Cache<IdHash, AccountKey> cache = found;
    AccountKey key = cache == null ? null : cache.getIfPresent(hash);
    if (key != null) {
      return key;
    }
    key = ledger.keys(List.of(hash)).get(hash);
    if (key != null) {
      remember(key);
    }
    return key;
  }
}
