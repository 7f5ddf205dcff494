package dev.idsettle.metering;

import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that can be unreachable (every transaction fails before it starts) or lose answers (the
 * transaction commits, then the caller hears an error): the ledger outage a service's failure
 * handling is for. Outside the code under test, so a wrapper is fair.
 */
public final class FaultyStore extends ForwardingLedgerStore {
  private final LedgerStore delegate;
  private volatile boolean down;
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger loseNext = new AtomicInteger();

  public FaultyStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  protected LedgerStore delegate() {
    return delegate;
  }

  /** Every transaction fails until {@code down(false)}. */
  public void down(boolean down) {
    this.down = down;
  }

  /** The next {@code n} transactions fail before they start. */
  public void failNext(int n) {
    failNext.set(n);
  }

  /** The next {@code n} transactions commit, then report a lost connection. */
  public void loseNextAnswers(int n) {
    loseNext.set(n);
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    if (down || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("injected: ledger unreachable", false);
    }
    T result = delegate.transact(work);
    if (loseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("injected: connection lost after the commit", true);
    }
    return result;
  }
}
