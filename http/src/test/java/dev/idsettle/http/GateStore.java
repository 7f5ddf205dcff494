package dev.idsettle.http;

import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A store whose next transaction, once the gate is shut, waits until the test opens it: a slow
 * manager, without a sleep. The test learns that a transaction reached the gate and that the held
 * one committed from latches.
 */
final class GateStore extends ForwardingLedgerStore {
  private final LedgerStore delegate;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch done = new CountDownLatch(1);

  GateStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  protected LedgerStore delegate() {
    return delegate;
  }

  void shut() {
    gate = new CountDownLatch(1);
  }

  void open() {
    gate.countDown();
  }

  @Override
  public <T> T transact(StoreWork<T> work) {
    CountDownLatch g = gate;
    if (g.getCount() == 0) {
      return delegate.transact(work);
    }
    entered.countDown();
    try {
      if (!g.await(30, TimeUnit.SECONDS)) {
        throw new StoreException("the gate was never opened", false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted at the gate", false);
    }
    try {
      return delegate.transact(work);
    } finally {
      done.countDown();
    }
  }
}
