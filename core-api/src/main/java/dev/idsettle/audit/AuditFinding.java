package dev.idsettle.audit;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;
import org.jspecify.annotations.Nullable;

/**
 * One row that does not match, or one fact the reader must know.
 *
 * @param kind what was found
 * @param account the account row concerned, or the account on whose chain a transfer broke
 * @param transfer the transfer row concerned: for a broken chain, the first one that does not match
 * @param detail a sentence for the operator, with the figures involved
 */
public record AuditFinding(
    FindingKind kind, @Nullable AccountId account, @Nullable TransferId transfer, String detail) {

  /** Requires the kind and the detail. */
  public AuditFinding {
    Checks.notNull(kind, "kind");
    Checks.notNull(detail, "detail");
  }
}
