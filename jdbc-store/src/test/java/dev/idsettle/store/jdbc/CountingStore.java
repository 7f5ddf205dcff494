package dev.idsettle.store.jdbc;

import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreWork;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads calls over several stores (as several processes on one database would) and counts the
 * conflicts they report, so tests can assert that the retry path ran.
 */
final class CountingStore extends ForwardingLedgerStore {
  private final List<LedgerStore> stores;
  private final AtomicInteger next = new AtomicInteger();
  final AtomicLong transactions = new AtomicLong();

  /** The conflicts reported, oldest first. */
  final Queue<RetryableStoreException> conflicts = new ConcurrentLinkedQueue<>();

  CountingStore(List<? extends LedgerStore> stores) {
    this.stores = List.copyOf(stores);
  }

  /** The next store, round robin: each call goes to one of them. */
  @Override
  protected LedgerStore delegate() {
    return stores.get(Math.floorMod(next.getAndIncrement(), stores.size()));
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    transactions.incrementAndGet();
    try {
      return delegate().transact(work);
    } catch (RetryableStoreException e) {
      conflicts.add(e);
      throw e;
    }
  }
}
