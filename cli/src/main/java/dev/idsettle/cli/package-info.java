/**
 * The operator's command line ({@link dev.idsettle.cli.Main}): batches of slips, activations,
 * authorizations, balances and journals, holders, blocks, splits, refunds, reports and
 * reconciliation, over the embedded SQLite default or any JDBC URL. Exit codes are in {@link
 * dev.idsettle.cli.ExitCodes}; ID numbers are masked in everything it prints except the one-time
 * print files of a batch.
 */
@NullMarked
package dev.idsettle.cli;

import org.jspecify.annotations.NullMarked;
