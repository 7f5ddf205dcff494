package dev.idsettle.spi;

/** Work done inside one store transaction. */
@FunctionalInterface
public interface StoreWork<T> {
  /** Does the work with the open transaction {@code tx}. */
  T run(LedgerTx tx);
}
