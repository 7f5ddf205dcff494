package dev.idsettle.ledger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The images of accounts as this process last saw them committed, which the ledger offers a store
 * instead of a locked read ({@link dev.idsettle.spi.LedgerTx#lockOrAssume}); the store's write is
 * guarded by them, so a stale image costs a retry, never a wrong balance. An account whose believed
 * image failed a write (another process or thread changed it: a hot ID, a shared revenue shard) is
 * not offered again for {@link #CONTENDED_FOR}, so contention goes to the locked path at once
 * instead of failing twice per call. Thread-safe.
 */
final class AccountImages {
  /** How long an account stays on the locked path after its believed image failed a write. */
  static final Duration CONTENDED_FOR = Duration.ofSeconds(1);

  private final Cache<AccountId, Account> images;
  private final Cache<AccountId, Boolean> contended;

  /** Keeps at most {@code maximumSize} images. */
  AccountImages(long maximumSize) {
    this.images = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.contended =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CONTENDED_FOR).build();
  }

  /**
   * The believed image of every one of {@code accounts}, or null if one has none or is contended.
   */
  @Nullable Map<AccountId, Account> believed(Collection<AccountId> accounts) {
    Map<AccountId, Account> found = new HashMap<>(2 * accounts.size());
    for (AccountId id : accounts) {
      Account image = images.getIfPresent(id);
      if (image == null || contended.getIfPresent(id) != null) {
        return null;
      }
      found.put(id, image);
    }
    return found;
  }

  /** Remembers images read under lock or written, once their transaction has committed. */
  void committed(Collection<Account> seen) {
    for (Account a : seen) {
      if (contended.getIfPresent(a.id()) == null) {
        images.put(a.id(), a);
      }
    }
  }

  /** Forgets {@code accounts}: their transaction failed or changed them out of sight. */
  void forget(Collection<AccountId> accounts) {
    images.invalidateAll(accounts);
  }

  /** Forgets {@code accounts} and keeps them on the locked path for a while. */
  void conflicted(Collection<AccountId> accounts) {
    for (AccountId id : accounts) {
      contended.put(id, Boolean.TRUE);
    }
    images.invalidateAll(accounts);
  }
}
