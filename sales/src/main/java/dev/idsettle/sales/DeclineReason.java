package dev.idsettle.sales;

/** Why a {@link PaymentGateway} refused a call. */
public enum DeclineReason {
  /** The credential names no member, or its secret is wrong. */
  NOT_A_MEMBER,
  /** The member exists but may not buy (suspended, in arrears). */
  NOT_IN_GOOD_STANDING,
  /** The member's credit does not cover the amount. */
  INSUFFICIENT_CREDIT,
  /** The authorization or capture named is unknown to the gateway. */
  UNKNOWN_REFERENCE,
  /** The authorization was already captured or voided, or the amount exceeds what it allows. */
  NOT_ALLOWED,
  /** The idempotency key was used before for a different request. */
  KEY_REUSED
}
