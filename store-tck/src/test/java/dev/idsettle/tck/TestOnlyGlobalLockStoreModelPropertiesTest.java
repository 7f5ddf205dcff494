package dev.idsettle.tck;

import dev.idsettle.spi.LedgerStore;

/** Runs the inherited reference-model property on {@link TestOnlyGlobalLockStore}. */
class TestOnlyGlobalLockStoreModelPropertiesTest extends LedgerModelProperties {
  @Override
  protected LedgerStore newStore() {
    return TestOnlyGlobalLockStore.create();
  }
}
