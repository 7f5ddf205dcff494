package dev.idsettle.audit;

import dev.idsettle.internal.Checks;
import java.util.List;

/**
 * What {@link LedgerAudit#check} found, in the order found (transfers in written order, then
 * accounts in id order).
 *
 * @param findings every finding; none when the ledger verifies clean
 * @param accounts how many account rows were checked
 * @param transfers how many transfer rows were checked
 * @param unsealedTransfers how many transfers predate sealing (see {@link
 *     FindingKind#PREDATES_CHAIN})
 */
public record AuditReport(
    List<AuditFinding> findings, long accounts, long transfers, long unsealedTransfers) {

  /** Copies the findings. */
  public AuditReport {
    findings = List.copyOf(Checks.notNull(findings, "findings"));
  }

  /** The findings that mean tampering ({@link FindingKind#tampering()}). */
  public List<AuditFinding> tampering() {
    return findings.stream().filter(f -> f.kind().tampering()).toList();
  }

  /** Whether nothing was found that means tampering. */
  public boolean clean() {
    return tampering().isEmpty();
  }
}
