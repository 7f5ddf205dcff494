package dev.idsettle.sales;

/** Why a purchase delivered nothing. */
public enum PurchaseRefusal {
  /** The gateway does not know the buyer, or the credential is wrong. */
  NOT_A_MEMBER,
  /** The buyer is a member but not in good standing. */
  NOT_IN_GOOD_STANDING,
  /** The buyer's credit does not cover the price. */
  INSUFFICIENT_CREDIT,
  /** The gateway refused the payment for another reason. */
  PAYMENT_DECLINED,
  /** No ID of the denomination is left. */
  SOLD_OUT,
  /** The ID could not be delivered; the price was refunded. */
  DELIVERY_FAILED_REFUNDED,
  /** The purchase was left unfinished before any charge and recovery undid it. */
  ABANDONED,
  /** The idempotency key was used before for another order (nothing was recorded for this one). */
  KEY_REUSED
}
