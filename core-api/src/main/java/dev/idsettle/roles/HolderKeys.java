package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.id.IdNumber;
import dev.idsettle.internal.IdHasher;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A holder's {@link AccountKey}s: the holder (its information's keyed hash, pointing to its first
 * ID), each of its IDs (owned by the first), each operation's reference, each merged ID's
 * successor.
 *
 * <p>Caches, over a store with a connection, which holder an ID belongs to (a key, written once and
 * never changed) and, for a short while, the list of a holder's IDs. A stale list can only miss an
 * ID linked since by another process, which makes a request spend less, never more: every draw is
 * judged by the ledger under lock. A link made through this process is seen at once.
 */
final class HolderKeys {
  static final String HOLDER = "holder";
  static final String MEMBER = "holder:id";
  static final String LINK = "holder:link";
  static final String MERGE = "holder:merge:";
  static final String SUCCESSOR = "merged";
  private static final Duration MEMBERS_TTL = Duration.ofSeconds(5);

  private final Ledger ledger;
  private final IdHasher hasher;
  private final @Nullable Cache<AccountId, AccountId> roots;
  private final @Nullable Cache<AccountId, List<AccountId>> members;

  HolderKeys(Ledger ledger, IdHasher hasher, boolean cache) {
    this.ledger = ledger;
    this.hasher = hasher;
    Clock clock = ledger.clock();
    this.roots = cache ? Caffeine.newBuilder().maximumSize(1_000_000).build() : null;
    this.members =
        cache
            ? Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(MEMBERS_TTL)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build()
            : null;
  }

  IdHash holder(String info) {
    return hasher.derive("holder", info);
  }

  IdHash member(AccountId id) {
    return hasher.derive("holder-id", Long.toString(id.value()));
  }

  IdHash operation(String reference) {
    return hasher.derive("holder-op", reference);
  }

  IdHash successor(AccountId old) {
    return hasher.derive("merged", Long.toString(old.value()));
  }

  AccountKey holderKey(String info, AccountId first) {
    return new AccountKey(holder(info), first, null, HOLDER);
  }

  AccountKey memberKey(AccountId id, AccountId first) {
    return new AccountKey(member(id), id, first, MEMBER);
  }

  AccountKey successorKey(AccountId old, AccountId into) {
    return new AccountKey(successor(old), into, old, SUCCESSOR);
  }

  /** The first ID of the holder {@code id} belongs to, or null if it has no holder. */
  @Nullable AccountId root(AccountId id) {
    Cache<AccountId, AccountId> cache = roots;
    AccountId root = cache == null ? null : cache.getIfPresent(id);
    if (root != null) {
      return root;
    }
    IdHash hash = member(id);
    AccountKey key = ledger.keys(List.of(hash)).get(hash);
    root = key == null ? null : key.owner();
    if (root != null && cache != null) {
      cache.put(id, root);
    }
    return root;
  }

  /** The IDs of the holder whose first ID is {@code root}, oldest first. */
  List<AccountId> members(AccountId root) {
    Cache<AccountId, List<AccountId>> cache = members;
    List<AccountId> found = cache == null ? null : cache.getIfPresent(root);
    if (found != null) {
      return found;
    }
    List<AccountId> out = new ArrayList<>(4);
    for (AccountKey k : ledger.keysOwnedBy(root)) {
      if (k.tag().equals(MEMBER)) {
        out.add(k.account());
      }
    }
    List<AccountId> copy = List.copyOf(out);
    if (cache != null) {
      cache.put(root, copy);
    }
    return copy;
  }

  /** Forgets the cached list of the holder's IDs (after this process linked one). */
  void changed(AccountId root) {
    Cache<AccountId, List<AccountId>> cache = members;
    if (cache != null) {
      cache.invalidate(root);
    }
  }

  /** The keys of one operation, found in one store call. */
  Found find(String info, String reference, AccountId account) {
    IdHash op = operation(reference);
    IdHash h = holder(info);
    IdHash m = member(account);
    Map<IdHash, AccountKey> found = ledger.keys(List.of(op, h, m));
    AccountKey holderKey = found.get(h);
    return new Found(found.get(op), holderKey == null ? null : holderKey.account(), found.get(m));
  }

  /**
   * What the store holds for one operation.
   *
   * @param operation the key of the operation's reference, if it was used
   * @param root the holder's first ID, if the holder has one
   * @param member the ID's own key as one of a holder's IDs, if it is one
   */
  record Found(
      @Nullable AccountKey operation, @Nullable AccountId root, @Nullable AccountKey member) {
    /** The denial if the ID belongs to a holder other than this one. */
    @Nullable Denial otherHolder(IdNumber id) {
      AccountKey m = member;
      if (m != null && (root == null || !root.equals(m.owner()))) {
        return new Denial(
            DenialReason.OTHER_HOLDER, null, "ID " + id + " belongs to another holder");
      }
      return null;
    }
  }
}
