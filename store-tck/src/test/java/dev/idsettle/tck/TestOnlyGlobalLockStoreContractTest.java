package dev.idsettle.tck;

import dev.idsettle.spi.LedgerStore;

/**
 * Runs every layer of the contract on {@link TestOnlyGlobalLockStore}. All tests share one store,
 * as they would share one database: the suites isolate themselves by random ids.
 */
class TestOnlyGlobalLockStoreContractTest extends DurableLedgerStoreContract {
  private static final TestOnlyGlobalLockStore SHARED = TestOnlyGlobalLockStore.create();

  @Override
  protected LedgerStore newStore() {
    return SHARED;
  }

  @Override
  protected LedgerStore reopen(LedgerStore old) {
    return ((TestOnlyGlobalLockStore) old).reopen();
  }
}
