package dev.idsettle.ledger;

/**
 * Why the ledger refused a command. A <em>recorded</em> refusal is stored under the transfer id, so
 * a retry with that id gets the same refusal (a transfer refused for lack of funds stays refused
 * after a top-up). An unrecorded one is a malformed request: nothing was stored.
 */
public enum Refusal {
  /** The available balance does not cover the amount. */
  INSUFFICIENT_BALANCE(true),
  /** The ID is issued but not yet activated. */
  NOT_ACTIVATED(true),
  /** The ID is already active (activation asked twice). */
  ALREADY_ACTIVE(true),
  /** The ID's balance is zero. */
  EXHAUSTED(true),
  /** The ID is blocked. */
  BLOCKED(true),
  /** The ID has expired. */
  EXPIRED(true),
  /** The ID was merged into another or voided. */
  CLOSED(true),
  /** The account still holds value or holds, and the state change needs it empty. */
  NOT_EMPTY(true),
  /** The hold was already captured, voided or expired. */
  HOLD_ALREADY_RESOLVED(true),
  /** The hold's timeout passed; it was released. */
  HOLD_EXPIRED(true),
  /** A capture asked for more than the hold reserved. */
  CAPTURE_EXCEEDS_HOLD(true),
  /** The transfer id was reversed before this transfer arrived. */
  REVERSED(true),
  /**
   * The credit would take an ID's balance above the ledger's limit ({@link
   * Ledger.Builder#maxIdBalance}).
   */
  BALANCE_LIMIT(true),
  /** No such account. */
  ACCOUNT_NOT_FOUND(false),
  /** No such hold. */
  HOLD_NOT_FOUND(false),
  /** The accounts' currencies differ. */
  CURRENCY_MISMATCH(false),
  /** Debit and credit account are the same. */
  SAME_ACCOUNT(false),
  /** The amount is zero or negative where it must be positive. */
  INVALID_AMOUNT(false),
  /** The credit would overflow the account's balance. */
  OVERFLOW(false),
  /** The transfer id was used before with different content. */
  ID_REUSED(false);

  private final boolean recorded;

  Refusal(boolean recorded) {
    this.recorded = recorded;
  }

  /** Whether this refusal is stored under the transfer id. */
  public boolean recorded() {
    return recorded;
  }

  /** The refusal for using (debiting or changing) an ID account in {@code state}. */
  public static Refusal forState(AccountState state) {
    return switch (state) {
      case ISSUED -> NOT_ACTIVATED;
      case ACTIVE, OPEN -> ALREADY_ACTIVE;
      case EXHAUSTED -> EXHAUSTED;
      case BLOCKED -> BLOCKED;
      case EXPIRED -> EXPIRED;
      case MERGED, VOIDED -> CLOSED;
    };
  }

  /**
   * The name this refusal is stored and sealed under. It is the constant's name, except for {@link
   * #INSUFFICIENT_BALANCE}, stored as {@code INSUFFICIENT_FUNDS} (its name before it took the name
   * the roles and the card use): stored rows and journal seals never change with a rename.
   *
   * @return the stored name
   */
  public String code() {
    return this == INSUFFICIENT_BALANCE ? "INSUFFICIENT_FUNDS" : name();
  }

  /**
   * The refusal stored under {@code code} ({@link #code()}).
   *
   * @param code a stored name
   * @return its refusal
   * @throws IllegalArgumentException if no refusal is stored under {@code code}
   */
  public static Refusal ofCode(String code) {
    return "INSUFFICIENT_FUNDS".equals(code) ? INSUFFICIENT_BALANCE : valueOf(code);
  }
}
