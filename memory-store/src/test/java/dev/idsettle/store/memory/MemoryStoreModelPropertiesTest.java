package dev.idsettle.store.memory;

import dev.idsettle.spi.LedgerStore;
import dev.idsettle.tck.LedgerModelProperties;

/** Random operation sequences on the memory store agree with the reference model at every step. */
class MemoryStoreModelPropertiesTest extends LedgerModelProperties {
  @Override
  protected LedgerStore newStore() {
    return MemoryStore.create();
  }
}
