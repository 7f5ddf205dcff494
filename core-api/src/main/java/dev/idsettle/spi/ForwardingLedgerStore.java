package dev.idsettle.spi;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that forwards every call to {@link #delegate()}: a base for a wrapper that changes one
 * call (counting, tracing, injecting faults) and must pass the rest through unchanged, including
 * what the store says of itself, such as {@link #readsAreLocal()}.
 */
public abstract class ForwardingLedgerStore implements LedgerStore {

  /** The store the calls go to. */
  protected abstract LedgerStore delegate();

  @Override
  public <T> T transact(StoreWork<T> work) {
    return delegate().transact(work);
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    return delegate().findAccount(id);
  }

  @Override
  public Map<AccountId, Account> findAccounts(Collection<AccountId> ids) {
    return delegate().findAccounts(ids);
  }

  @Override
  public int revenueShards() {
    return delegate().revenueShards();
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    return delegate().findAccountsByIdHash(hashes);
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    return delegate().findKeys(hashes);
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    return delegate().keysOwnedBy(owner);
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    return delegate().transfersOf(account, offset, limit);
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    return delegate().expiredHolds(now, limit);
  }

  @Override
  public boolean readsAreLocal() {
    return delegate().readsAreLocal();
  }

  @Override
  public Optional<SealedJournal> sealedJournal() {
    return delegate().sealedJournal();
  }

  @Override
  public Optional<SealedJournal> journal() {
    return delegate().journal();
  }

  @Override
  public boolean takesBelievedImages() {
    return delegate().takesBelievedImages();
  }
}
