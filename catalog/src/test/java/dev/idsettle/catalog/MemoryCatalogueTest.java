package dev.idsettle.catalog;

import dev.idsettle.spi.LedgerStore;
import dev.idsettle.store.memory.MemoryStore;

/** The catalogue's contract on the memory store. */
class MemoryCatalogueTest extends CatalogueContract {
  private final LedgerStore store = MemoryStore.create();

  @Override
  protected LedgerStore store() {
    return store;
  }
}
