package dev.idsettle.store.memory;

import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.ConcurrentLedgerStoreContract;

/** The memory store passes the whole contract; one store serves the class, as a database would. */
class MemoryStoreContractTest extends ConcurrentLedgerStoreContract {
  private static final MemoryStore STORE = MemoryStore.create();

  @Override
  protected LedgerStore newStore() {
    return STORE;
  }
}
