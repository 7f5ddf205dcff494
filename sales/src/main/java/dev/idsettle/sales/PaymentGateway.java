package dev.idsettle.sales;

import dev.idsettle.money.Money;

/**
 * The payment provider a {@link SalesDesk} sells through (the patent's <em>electronic banking
 * engine</em>): it vouches for the buyer, takes the price, keeps its commission and pays the
 * operator the rest.
 *
 * <p>Every call carries an idempotency key: a call repeated with the same key must return the first
 * call's answer (an approval or a refusal) and must not act twice; the same key with a different
 * request must be refused with {@link DeclineReason#KEY_REUSED}. An implementation answers {@link
 * GatewayTimeout} when it does not know whether the call took effect, never {@link Declined}.
 * Implementations must be thread-safe. {@link SimulatedBank} is the simulator shipped for tests and
 * demonstrations.
 */
public interface PaymentGateway {
  /**
   * Whether the buyer is a member in good standing who can pay {@code price} now. Approved with the
   * buyer's member reference, which the other calls name.
   */
  GatewayResult checkMember(BuyerCredential credential, Money price, String idempotencyKey);

  /** Reserves {@code amount} of member {@code buyer}'s credit; approved with an authorization. */
  GatewayResult authorize(String buyer, Money amount, String idempotencyKey);

  /**
   * Takes {@code amount} (at most the authorized amount) of {@code authorization}; approved with a
   * capture reference, the amount and the gateway's commission on it.
   */
  GatewayResult capture(String authorization, Money amount, String idempotencyKey);

  /** Releases an authorization that was not captured. */
  GatewayResult voidAuthorization(String authorization, String idempotencyKey);

  /** Gives back {@code amount} of {@code capture} to the buyer (at most what was captured). */
  GatewayResult refund(String capture, Money amount, String idempotencyKey);

  /** The commission this gateway keeps of a capture of {@code gross} (a report; no call out). */
  Money commission(Money gross);
}
