package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds the account of an ID number by its keyed hash, with a cache of hash to account id (an ID's
 * account never changes). An ID issued and not yet sold is never cached: its look-up reads the
 * store every time, like an ID never issued, so that the two cost the same and an authorization can
 * refuse both without a write ({@link #usable}).
 */
final class IdResolver {
  private final Ledger ledger;
  private final IdHasher hasher;
  // null when the store's reads are local or the cache was turned off
  private final @Nullable Cache<IdHash, AccountId> cache;

  IdResolver(Ledger ledger, IdHasher hasher, long cacheSize) {
    this.ledger = ledger;
    this.hasher = hasher;
    this.cache = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  /** The account id of {@code id}, or null if it was not issued. */
  @Nullable AccountId resolve(IdNumber id) {
    return resolve(id, false);
  }

  /** The account id of {@code id} if it exists and was sold (as {@link #usable(Collection)}). */
  @Nullable AccountId usable(IdNumber id) {
    return resolve(id, true);
  }

  /** The account ids of {@code ids} that exist. */
  Map<IdNumber, AccountId> resolve(Collection<IdNumber> ids) {
    return resolve(ids, false);
  }

  /**
   * The account ids of {@code ids} that exist and were sold: one issued and not activated is left
   * out like one never issued, after the same work (a store read of its hash).
   */
  Map<IdNumber, AccountId> usable(Collection<IdNumber> ids) {
    return resolve(ids, true);
  }

  /** Forgets {@code id}'s account, which was found not sold (an activation reversed). */
  void forget(IdNumber id) {
    Cache<IdHash, AccountId> c = cache;
    if (c != null) {
      c.invalidate(hasher.hash(id));
    }
  }

  private @Nullable AccountId resolve(IdNumber id, boolean soldOnly) {
    IdHash hash = hasher.hash(id);
    Cache<IdHash, AccountId> c = cache;
    AccountId cached = c == null ? null : c.getIfPresent(hash);
    if (cached != null) {
      return cached;
    }
    Account account = ledger.accountsByIdHash(List.of(hash)).get(hash);
    if (account == null) {
      return null;
    }
    boolean unsold = account.state() == AccountState.ISSUED;
    if (c != null && !unsold) {
      c.put(hash, account.id());
    }
    return unsold && soldOnly ? null : account.id();
  }

  private Map<IdNumber, AccountId> resolve(Collection<IdNumber> ids, boolean soldOnly) {
    Map<IdNumber, AccountId> found = new HashMap<>();
    Map<IdHash, IdNumber> missing = new HashMap<>();
    Cache<IdHash, AccountId> c = cache;
    for (IdNumber id : ids) {
      IdHash hash = hasher.hash(id);
      AccountId cached = c == null ? null : c.getIfPresent(hash);
      if (cached != null) {
        found.put(id, cached);
      } else {
        missing.put(hash, id);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    for (Map.Entry<IdHash, Account> e : ledger.accountsByIdHash(missing.keySet()).entrySet()) {
      Account account = e.getValue();
      boolean unsold = account.state() == AccountState.ISSUED;
      if (c != null && !unsold) {
        c.put(e.getKey(), account.id());
      }
      if (!unsold || !soldOnly) {
        found.put(Objects.requireNonNull(missing.get(e.getKey())), account.id());
      }
    }
    return found;
  }
}
