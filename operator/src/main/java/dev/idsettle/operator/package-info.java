/**
 * The operator's tools as a library: {@link dev.idsettle.operator.OperatorReports} (outstanding
 * value per slip batch and per service, revenue per service, cash per terminal, breakage) and
 * {@link dev.idsettle.operator.Reconciler} (the ledger's invariants, the payment gateway's charges
 * against the sales, the call records against their captures), with {@link
 * dev.idsettle.operator.OperatorJson} for their stable JSON form. Both read the store through its
 * public SPI ({@link dev.idsettle.spi.LedgerStore#journal()}); neither writes anything.
 */
@NullMarked
package dev.idsettle.operator;

import org.jspecify.annotations.NullMarked;
