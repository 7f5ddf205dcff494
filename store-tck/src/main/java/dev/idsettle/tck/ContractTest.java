package dev.idsettle.tck;

/**
 * What the contract interfaces need from the test class running them: implemented by {@link
 * LedgerStoreContract}; a store module extends that class rather than implementing these interfaces
 * itself.
 */
public interface ContractTest {
  /** The running test's fixture: its store, clock, ledger and accounts. */
  LedgerFixture tck();
}
