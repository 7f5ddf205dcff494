package dev.idsettle.ledger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The images of accounts as this process last saw them committed, which the ledger offers a store
 * instead of a locked read ({@link dev.idsettle.spi.LedgerTx#lockOrAssume}); the store's write is
 * guarded by them, so a stale image costs a retry, never a wrong balance. Two defences keep stale
 * images from costing more than the locked read they save:
 *
 * <ul>
 *   <li>An account whose believed image failed a write (a hot ID, a revenue shard shared with
 *       another process) is not offered again for {@link #CONTENDED_FOR}.
 *   <li>When more than one in {@value #MAX_STALE_ONE_IN} of the last {@value #WINDOW} offers failed
 *       (other processes share the accounts: two service instances behind one load balancer), no
 *       image is offered for {@link #PAUSE}; then a new window of offers tells whether that is
 *       still so.
 * </ul>
 *
 * <p>Thread-safe; the window is counted approximately under concurrency.
 */
final class AccountImages {
  /** How long an account stays on the locked path after its believed image failed a write. */
  static final Duration CONTENDED_FOR = Duration.ofSeconds(1);

  /** How many offers a window counts. */
  static final int WINDOW = 256;

  /** More than one stale offer in this many pauses the offers. */
  static final int MAX_STALE_ONE_IN = 5;

  /** How long the offers pause after a window with too many stale images. */
  static final Duration PAUSE = Duration.ofSeconds(5);

  private final Cache<AccountId, Account> images;
  private final Cache<AccountId, Boolean> contended;
  private final LongSupplier nanoTime;
  private final LongAdder offered = new LongAdder();
  private final LongAdder stale = new LongAdder();
  private volatile long pausedUntil;
  private volatile boolean paused;

  /** Keeps at most {@code maximumSize} images. */
  AccountImages(long maximumSize) {
    this(maximumSize, System::nanoTime);
  }

  AccountImages(long maximumSize, LongSupplier nanoTime) {
    this.images = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.contended =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CONTENDED_FOR).build();
    this.nanoTime = nanoTime;
  }

  /**
   * The believed image of every one of {@code accounts}, or null if one has none or is contended,
   * or offers are paused.
   */
  @Nullable Map<AccountId, Account> believed(Collection<AccountId> accounts) {
    if (paused) {
      if (nanoTime.getAsLong() - pausedUntil < 0) {
        return null;
      }
      paused = false;
    }
    Map<AccountId, Account> found = new HashMap<>(2 * accounts.size());
    for (AccountId id : accounts) {
      Account image = images.getIfPresent(id);
      if (image == null || contended.getIfPresent(id) != null) {
        return null;
      }
      found.put(id, image);
    }
    offered.increment();
    if (offered.sum() >= WINDOW) {
      endWindow();
    }
    return found;
  }

  /**
   * The image of every one of {@code accounts}, or null if one has none: for planning, not offered
   * to a store, so not counted in the window.
   */
  @Nullable Map<AccountId, Account> peek(Collection<AccountId> accounts) {
    Map<AccountId, Account> found = new HashMap<>(2 * accounts.size());
    for (AccountId id : accounts) {
      Account image = images.getIfPresent(id);
      if (image == null) {
        return null;
      }
      found.put(id, image);
    }
    return found;
  }

  private synchronized void endWindow() {
    long offers = offered.sumThenReset();
    long failed = stale.sumThenReset();
    if (offers > 0 && failed * MAX_STALE_ONE_IN > offers) {
      pausedUntil = nanoTime.getAsLong() + PAUSE.toNanos();
      paused = true;
    }
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

  /**
   * Forgets {@code accounts}, found stale after an offer failed its write, keeps them on the locked
   * path for a while, and counts the failed offer.
   */
  void conflicted(Collection<AccountId> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    stale.increment();
    for (AccountId id : accounts) {
      contended.put(id, Boolean.TRUE);
    }
    images.invalidateAll(accounts);
  }
}
