package dev.idsettle.sales;

/**
 * Where a purchase is in the saga. A state named for an action in progress ({@code AUTHORIZING},
 * {@code CAPTURING}, {@code VOIDING}, ...) is written <em>before</em> the gateway is called, so a
 * crash leaves the intent on record and recovery repeats the call with the same idempotency key.
 */
public enum SaleState {
  /** The buyer is a member; nothing reserved yet. */
  CHECKED(false),
  /** An ID of the denomination is reserved for the order. */
  RESERVED(false),
  /** The authorization was asked for. */
  AUTHORIZING(false),
  /** The price is authorized. */
  AUTHORIZED(false),
  /** The capture was asked for. */
  CAPTURING(false),
  /** The price was taken: from here on the sale is finished, never undone. */
  CAPTURED(false),
  /** The authorization is being released (the sale is being undone before any charge). */
  VOIDING(false),
  /** Delivery failed for good: the price is being refunded. */
  DELIVERY_REFUNDING(false),
  /**
   * The buyer asked for a refund: the unspent value was taken back, the money is being returned.
   */
  REFUNDING(false),
  /** Done: the ID was delivered activated. */
  DELIVERED(true),
  /** Done: refused (see the order's refusal) or undone; nothing charged. */
  REFUSED(true),
  /** Done: delivery failed and the price was refunded. */
  DELIVERY_REFUNDED(true),
  /** Done: the ID was refunded (its unspent value taken back and returned to the buyer). */
  REFUNDED(true);

  private final boolean finished;

  SaleState(boolean finished) {
    this.finished = finished;
  }

  /** Whether the saga has nothing left to do (a delivered ID may still be refunded). */
  public boolean finished() {
    return finished;
  }
}
