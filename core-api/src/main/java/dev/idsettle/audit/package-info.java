/**
 * Tamper evidence: {@link dev.idsettle.audit.LedgerAudit} checks the seals a sealing store wrote
 * ({@link dev.idsettle.spi.Sealer}) and the balances against the journal, and names every row that
 * does not match.
 */
@NullMarked
package dev.idsettle.audit;

import org.jspecify.annotations.NullMarked;
