package dev.idsettle.store.jdbc;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads calls over several stores (as several processes on one database would) and counts the
 * conflicts they report, so tests can assert that the retry path ran.
 */
final class CountingStore implements LedgerStore {
  private final List<LedgerStore> stores;
  private final AtomicInteger next = new AtomicInteger();
  final AtomicLong conflicts = new AtomicLong();
  final AtomicLong transactions = new AtomicLong();

  CountingStore(List<? extends LedgerStore> stores) {
    this.stores = List.copyOf(stores);
  }

  private LedgerStore pick() {
    return stores.get(Math.floorMod(next.getAndIncrement(), stores.size()));
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    transactions.incrementAndGet();
    try {
      return pick().transact(work);
    } catch (RetryableStoreException e) {
      conflicts.incrementAndGet();
      throw e;
    }
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return pick().findAccount(id);
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    return pick().findAccountsByIdHash(hashes);
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    return pick().transfersOf(account, offset, limit);
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    return pick().expiredHolds(now, limit);
  }
}
