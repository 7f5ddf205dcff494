package dev.idsettle.roles;

import dev.idsettle.ledger.Refusal;

/** Why a role refused a request: the typed reason for the integrator. */
public enum DenialReason {
  /**
   * No usable ID with this number: never issued, or (to an authorization, a batch or a reversal)
   * issued and not yet sold. The two are answered alike, on purpose: telling them apart would tell
   * a guesser which numbers exist.
   */
  UNKNOWN_ID,
  /**
   * The ID was issued but not yet activated (not sold). Authorizations answer {@link #UNKNOWN_ID}
   * instead; only the operator's roles (the settlement manager) still say this.
   */
  NOT_ACTIVATED,
  /** The ID is already active. */
  ALREADY_ACTIVE,
  /** The ID's balance is zero. */
  EXHAUSTED,
  /** The ID has expired. */
  EXPIRED,
  /** The ID is blocked (lost or stolen). */
  BLOCKED,
  /** The ID was merged into another or voided. */
  CLOSED,
  /** The balance does not cover the amount (the denial carries the balance). */
  INSUFFICIENT_BALANCE,
  /**
   * The handle spent a guessing budget (too many attempts with IDs that cannot be used) and must
   * wait for its window to end; see {@link IdSettle.Builder#guessingBudgets}.
   */
  THROTTLED,
  /**
   * The ID's value was routed to another service (claim 2): unusable at this one. Shown to a user
   * as {@link PublicReason#NOT_USABLE}, like an unknown ID. Only for an ID number presented whole
   * (whose holder chose the service): a sub-ID of another service is answered {@link #UNKNOWN_ID},
   * so that no service learns that it exists.
   */
  WRONG_SERVICE,
  /** The amount is zero or negative. */
  INVALID_AMOUNT,
  /** The amount's currency is not the ID's or the service's. */
  WRONG_CURRENCY,
  /** The reference was used before for a different request. */
  DUPLICATE_REFERENCE,
  /** The activation was reversed (or reversed before it arrived). */
  REVERSED,
  /** The activation cannot be reversed: the ID has been used since. */
  ALREADY_USED,
  /**
   * The credit would take the ID's balance above the limit ({@link IdSettle.Builder#maxBalance}).
   */
  BALANCE_LIMIT,
  /**
   * The ID was merged into another ID of its holder (claim 9), which replaces it: present that one.
   * Shown to a user as {@link PublicReason#NOT_USABLE}.
   */
  MERGED,
  /**
   * The ID was issued as a slip: it is sold only through {@link Slips}, with the slip checks. Shown
   * as {@link PublicReason#NOT_USABLE}, like an unknown ID, so that it reveals nothing more.
   */
  SLIP_ONLY,
  /** The ID belongs to another holder (claims 8, 9): an ID has at most one. */
  OTHER_HOLDER,
  /** The ID has open holds (a running call): it cannot be merged until they are resolved. */
  OPEN_HOLDS,
  /** The ID's value sits in envelopes for services: give it back before merging the ID. */
  ALLOCATED;

  /** What to show an untrusted terminal or user. */
  public PublicReason publicReason() {
    return switch (this) {
      case UNKNOWN_ID, NOT_ACTIVATED, BLOCKED, CLOSED, REVERSED, WRONG_SERVICE, MERGED, SLIP_ONLY ->
          PublicReason.NOT_USABLE;
      case EXHAUSTED, INSUFFICIENT_BALANCE -> PublicReason.INSUFFICIENT_BALANCE;
      case EXPIRED -> PublicReason.EXPIRED;
      case THROTTLED -> PublicReason.TRY_LATER;
      case ALREADY_ACTIVE,
          INVALID_AMOUNT,
          WRONG_CURRENCY,
          DUPLICATE_REFERENCE,
          ALREADY_USED,
          BALANCE_LIMIT,
          OTHER_HOLDER,
          OPEN_HOLDS,
          ALLOCATED ->
          PublicReason.REJECTED;
    };
  }

  static DenialReason of(Refusal refusal) {
    return switch (refusal) {
      case INSUFFICIENT_BALANCE -> INSUFFICIENT_BALANCE;
      case NOT_ACTIVATED -> NOT_ACTIVATED;
      case ALREADY_ACTIVE -> ALREADY_ACTIVE;
      case EXHAUSTED -> EXHAUSTED;
      case BLOCKED -> BLOCKED;
      case EXPIRED -> EXPIRED;
      case CLOSED -> CLOSED;
      case REVERSED -> REVERSED;
      case NOT_EMPTY -> ALREADY_USED;
      case BALANCE_LIMIT -> BALANCE_LIMIT;
      case ID_REUSED -> DUPLICATE_REFERENCE;
      case CURRENCY_MISMATCH -> WRONG_CURRENCY;
      case INVALID_AMOUNT, OVERFLOW -> INVALID_AMOUNT;
      case ACCOUNT_NOT_FOUND -> UNKNOWN_ID;
      case HOLD_ALREADY_RESOLVED,
          HOLD_EXPIRED,
          CAPTURE_EXCEEDS_HOLD,
          HOLD_NOT_FOUND,
          SAME_ACCOUNT ->
          throw new IllegalStateException("a role never causes " + refusal);
    };
  }
}
