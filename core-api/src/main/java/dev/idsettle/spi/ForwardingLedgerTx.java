package dev.idsettle.spi;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transaction that forwards every call to {@link #delegate()}: a base for a wrapper that changes
 * one call and passes the rest through, as {@link ForwardingLedgerStore} is for a store.
 */
public abstract class ForwardingLedgerTx implements LedgerTx {

  /** The transaction the calls go to. */
  protected abstract LedgerTx delegate();

  @Override
  public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
    return delegate().findTransfers(ids);
  }

  @Override
  public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
    return delegate().lock(accounts, transfers);
  }

  @Override
  public Locked lockOrAssume(
      Collection<AccountId> accounts,
      Map<AccountId, Account> believed,
      Collection<TransferId> transfers) {
    return delegate().lockOrAssume(accounts, believed, transfers);
  }

  @Override
  public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
    return delegate().expiredHolds(accounts, now);
  }

  @Override
  public Set<AccountId> insertAccounts(List<Account> accounts) {
    return delegate().insertAccounts(accounts);
  }

  @Override
  public Set<IdHash> insertKeys(List<AccountKey> keys) {
    return delegate().insertKeys(keys);
  }

  @Override
  public void write(Changes changes) {
    delegate().write(changes);
  }
}
