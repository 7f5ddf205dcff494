package dev.idsettle.ledger;

/** What a transfer does. */
public enum TransferKind {
  /** Moves value at once. */
  POST,
  /** Reserves value on the debit account until captured, voided or timed out. */
  HOLD,
  /** Moves all or part of a held amount; the rest is released. */
  CAPTURE,
  /** Releases a hold without moving value. */
  VOID,
  /** Releases a hold whose timeout passed (written by the ledger itself). */
  EXPIRE
}
