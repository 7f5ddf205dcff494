package dev.idsettle.catalog;

import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store whose n-th transaction from now fails: before it starts, or after it committed (the
 * answer lost). Outside the code under test, so a wrapper is fair.
 */
final class FaultyStore extends ForwardingLedgerStore {
  private final LedgerStore delegate;
  private final AtomicInteger countdown = new AtomicInteger(-1);
  private volatile boolean afterCommit;

  FaultyStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  protected LedgerStore delegate() {
    return delegate;
  }

  /** Transaction {@code n} from now (0: the next) fails, after committing if {@code committed}. */
  void failTransaction(int n, boolean committed) {
    afterCommit = committed;
    countdown.set(n);
  }

  /** Whether the armed failure has happened. */
  boolean fired() {
    return countdown.get() < 0;
  }

  void disarm() {
    countdown.set(-1);
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    boolean fail = countdown.getAndUpdate(n -> n >= 0 ? n - 1 : n) == 0;
    if (fail && !afterCommit) {
      throw new StoreException("injected: ledger unreachable", false);
    }
    T result = delegate.transact(work);
    if (fail) {
      throw new StoreException("injected: connection lost after the commit", true);
    }
    return result;
  }
}
