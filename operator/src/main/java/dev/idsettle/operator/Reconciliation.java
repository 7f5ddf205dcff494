package dev.idsettle.operator;

import java.time.Instant;
import java.util.List;

/**
 * What {@link Reconciler#reconcile} found. {@link OperatorJson#write} gives its stable JSON form.
 *
 * @param at when it ran (the ledger's clock)
 * @param differences every difference, ledger first, then sales, then metering; empty when all
 *     agrees
 * @param notes what the reader must know about what was and was not checked (no sealing key, no
 *     gateway statement), in words
 * @param accounts account rows read
 * @param transfers transfer rows read
 * @param orders sale orders read
 * @param charges gateway charges read
 * @param callRecords call records checked
 */
public record Reconciliation(
    Instant at,
    List<Difference> differences,
    List<String> notes,
    long accounts,
    long transfers,
    long orders,
    long charges,
    long callRecords) {
  /** Copies the lists. */
  public Reconciliation {
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  /** Whether nothing disagrees. */
  public boolean clean() {
    return differences.isEmpty();
  }
}
