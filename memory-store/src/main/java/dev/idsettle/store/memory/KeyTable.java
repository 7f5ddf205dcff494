package dev.idsettle.store.memory;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account keys of a {@link MemoryStore}: by hash, and by owner in the order written. Written
 * only by a transaction holding the store's creation lock, so a check for an existing hash and the
 * insert that follows it are atomic; read without a lock.
 */
final class KeyTable {
  private final ConcurrentHashMap<IdHash, AccountKey> byHash = new ConcurrentHashMap<>();
  // copy on write: a reader sees a whole list
  private final ConcurrentHashMap<AccountId, List<AccountKey>> byOwner = new ConcurrentHashMap<>();

  boolean contains(IdHash hash) {
    return byHash.containsKey(hash);
  }

  Map<IdHash, AccountKey> find(Collection<IdHash> hashes) {
    Map<IdHash, AccountKey> out = new HashMap<>();
    for (IdHash h : hashes) {
      AccountKey k = byHash.get(h);
      if (k != null) {
        out.put(h, k);
      }
    }
    return out;
  }

  List<AccountKey> ownedBy(AccountId owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  /** Adds keys whose hashes were checked to be new under the creation lock. */
  void addAll(List<AccountKey> keys) {
    for (AccountKey k : keys) {
      AccountId owner = k.owner();
      if (owner != null) {
        byOwner.compute(
            owner,
            (o, old) -> {
              List<AccountKey> next = new ArrayList<>(old == null ? List.of() : old);
              next.add(k);
              return List.copyOf(next);
            });
      }
      // by hash last: once a key can be found, its owner's list has it
      byHash.put(k.hash(), k);
    }
  }
}
