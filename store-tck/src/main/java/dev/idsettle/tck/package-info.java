/**
 * The contract tests every {@link dev.idsettle.spi.LedgerStore} passes, as abstract JUnit 5 classes
 * that a store module extends with a factory: {@link dev.idsettle.tck.LedgerStoreContract} (every
 * store), {@link dev.idsettle.tck.ConcurrentLedgerStoreContract} (thread-safe stores), {@link
 * dev.idsettle.tck.DurableLedgerStoreContract} (stores that survive a restart) and {@link
 * dev.idsettle.tck.LedgerModelProperties} (random operation sequences against a reference model).
 */
@NullMarked
package dev.idsettle.tck;

import org.jspecify.annotations.NullMarked;
