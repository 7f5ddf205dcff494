package dev.idsettle.ledger;

/** The lifecycle of an account. Operator accounts are always {@link #OPEN}. */
public enum AccountState {
  /** Printed, not yet paid for: unusable until a settlement terminal activates it. */
  ISSUED,
  /** Paid for and spendable. */
  ACTIVE,
  /** Its balance reached zero: unusable until topped up. */
  EXHAUSTED,
  /** Reported lost or stolen. */
  BLOCKED,
  /** Past its expiry (also reported for an active account whose expiry time has passed). */
  EXPIRED,
  /** Its balance moved to another ID, which replaces it. */
  MERGED,
  /** Withdrawn by the operator. */
  VOIDED,
  /** An operator account. */
  OPEN
}
