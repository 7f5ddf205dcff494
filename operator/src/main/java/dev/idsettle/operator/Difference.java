package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;

/**
 * One thing that does not agree, in a {@link Reconciliation}. Every text is safe to print and log:
 * a number that could be an ID number, taken from outside the ledger (an order key, a session id),
 * is masked to its last four digits before it is put here.
 *
 * @param kind what disagrees
 * @param subject what it is about: {@code account A123}, {@code transfer <uuid>}, {@code order
 *     <key>}, {@code capture <reference>}, {@code session <id> of <service>}
 * @param expected what the other side says it should be (an amount in minor units, or words)
 * @param found what was found
 * @param message a sentence for the operator
 */
public record Difference(
    DifferenceKind kind, String subject, String expected, String found, String message) {
  /** Requires every field. */
  public Difference {
    if (kind == null || subject == null || expected == null || found == null || message == null) {
      throw new InvalidRequestException(
          "kind, subject, expected, found and message must not be null");
    }
  }
}
