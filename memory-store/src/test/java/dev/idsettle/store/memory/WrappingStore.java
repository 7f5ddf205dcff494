package dev.idsettle.store.memory;

import dev.idsettle.spi.ForwardingLedgerStore;
import dev.idsettle.spi.LedgerStore;

/** A test store around one other store: what every wrapper in these tests shares. */
abstract class WrappingStore extends ForwardingLedgerStore {
  final LedgerStore delegate;

  WrappingStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  protected final LedgerStore delegate() {
    return delegate;
  }
}
