package dev.idsettle.metering;

/** How a session ended, or why it never started. */
public enum Outcome {
  /**
   * Not ended yet: the record carried by a capture while the session went on. A session whose host
   * stopped before it ended keeps its last capture's record, with this outcome.
   */
  IN_PROGRESS,
  /** The client ended it (hang-up). */
  COMPLETED,
  /** The balance was used up: the line was cut. */
  CUT_AT_ZERO,
  /** The ID was blocked, merged, voided or expired during the session: cut at the next update. */
  CUT_NOT_USABLE,
  /** The client fell silent: ended when its grant's hold timed out. */
  TIMED_OUT,
  /** The ledger could not be reached and the service's failure handling ended the session. */
  LEDGER_UNAVAILABLE,
  /**
   * Refused: the ID cannot be used: never issued, or issued and not sold (answered alike, as
   * authorizations answer both).
   */
  REFUSED_UNKNOWN_ID,
  /** Refused: the ID was sold but is not usable now (blocked, expired, merged, voided). */
  REFUSED_NOT_USABLE,
  /** Refused: the ID's balance is used up. */
  REFUSED_EXHAUSTED,
  /** Refused: the balance does not pay for the first increment (with the connection fee). */
  REFUSED_INSUFFICIENT_BALANCE,
  /** Refused: nothing prices the destination (or not at this time). */
  REFUSED_NOT_RATED,
  /**
   * Refused before any look-up: this engine (its source), its service or every source together made
   * too many attempts with IDs that cannot be used ({@link dev.idsettle.roles.GuessingBudgets}).
   * Not recorded in the ledger: a spent budget costs the store nothing.
   */
  REFUSED_THROTTLED,
  /** Refused: the ledger could not be reached. */
  REFUSED_LEDGER_UNAVAILABLE,
  /** The request named a session this engine does not know (ended long ago, or never opened). */
  UNKNOWN_SESSION;

  /** Whether the session never started. */
  public boolean refused() {
    return name().startsWith("REFUSED_");
  }
}
