package dev.idsettle.ledger;

/** Where a hold stands. Every hold leaves {@link #OPEN} exactly once. */
public enum HoldState {
  /** Not a hold. */
  NONE,
  /** Reserving value. */
  OPEN,
  /** Captured (fully or partly). */
  CAPTURED,
  /** Voided by the caller. */
  VOIDED,
  /** Voided by the ledger when its timeout passed. */
  EXPIRED
}
