package dev.idsettle.bench;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.StoreWork;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A SIMULATED remote store: wraps a store and parks the calling thread for a fixed delay in each
 * SPI call, as a SQL store would wait for one network round trip. Each {@link LedgerTx} method
 * counts as one round trip, and so does the commit at the end of {@link #transact} (parked while
 * the transaction's locks are held, as a database holds row locks until the commit returns). The
 * delay is off until {@link #enable} is called, so set-up runs at memory speed.
 */
final class RoundTripStore implements LedgerStore {
  private final LedgerStore inner;
  private final LongAdder roundTrips = new LongAdder();
  private volatile long delayNanos;

  RoundTripStore(LedgerStore inner) {
    this.inner = inner;
  }

  /** From now on, each SPI call waits {@code micros} microseconds (0: none). */
  void enable(long micros) {
    delayNanos = micros * 1000;
    roundTrips.reset();
  }

  /** The round trips simulated since {@link #enable}. */
  long roundTrips() {
    return roundTrips.sum();
  }

  private void roundTrip() {
    roundTrips.increment();
    long delay = delayNanos;
    if (delay == 0) {
      return;
    }
    long deadline = System.nanoTime() + delay;
    for (long left = delay; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    return inner.transact(
        tx -> {
          T result = work.run(new Tx(tx));
          roundTrip(); // the commit
          return result;
        });
  }

  @Override
  public Optional<Account> findAccount(AccountId id) {
    roundTrip();
    return inner.findAccount(id);
  }

  @Override
  public Map<IdHash, Account> findAccountsByIdHash(Collection<IdHash> hashes) {
    roundTrip();
    return inner.findAccountsByIdHash(hashes);
  }

  @Override
  public Map<IdHash, AccountKey> findKeys(Collection<IdHash> hashes) {
    roundTrip();
    return inner.findKeys(hashes);
  }

  @Override
  public List<AccountKey> keysOwnedBy(AccountId owner) {
    roundTrip();
    return inner.keysOwnedBy(owner);
  }

  @Override
  public List<Transfer> transfersOf(AccountId account, int offset, int limit) {
    roundTrip();
    return inner.transfersOf(account, offset, limit);
  }

  @Override
  public List<Transfer> expiredHolds(Instant now, int limit) {
    roundTrip();
    return inner.expiredHolds(now, limit);
  }

  /** A transaction whose every call is one simulated round trip. */
  private final class Tx implements LedgerTx {
    private final LedgerTx inner;

    Tx(LedgerTx inner) {
      this.inner = inner;
    }

    @Override
    public Map<TransferId, Transfer> findTransfers(Collection<TransferId> ids) {
      roundTrip();
      return inner.findTransfers(ids);
    }

    @Override
    public Locked lock(Collection<AccountId> accounts, Collection<TransferId> transfers) {
      roundTrip();
      return inner.lock(accounts, transfers);
    }

    @Override
    public List<Transfer> expiredHolds(Collection<AccountId> accounts, Instant now) {
      roundTrip();
      return inner.expiredHolds(accounts, now);
    }

    @Override
    public Set<AccountId> insertAccounts(List<Account> accounts) {
      roundTrip();
      return inner.insertAccounts(accounts);
    }

    @Override
    public Set<IdHash> insertKeys(List<AccountKey> keys) {
      roundTrip();
      return inner.insertKeys(keys);
    }

    @Override
    public void write(Changes changes) {
      roundTrip();
      inner.write(changes);
    }
  }
}
