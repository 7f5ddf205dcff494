package dev.idsettle.sales;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;

/**
 * The gateway did it.
 *
 * @param reference the gateway's reference: the buyer's member reference for a member check, the
 *     authorization for an authorize, the capture for a capture, the refund for a refund, the
 *     authorization for a void
 * @param amount the amount the call was about (the price checked, authorized, captured, refunded;
 *     zero for a void)
 * @param commission what the gateway keeps of a capture (zero for every other call)
 */
public record Approved(String reference, Money amount, Money commission) implements GatewayResult {
  /** Checks that every field is present and the commission is within the amount. */
  public Approved {
    Args.text(reference, "reference", 200);
    Args.notNull(amount, "amount");
    Args.notNull(commission, "commission");
    amount.requireSameCurrency(commission);
    if (commission.minor() < 0 || commission.compareTo(amount) > 0) {
      throw new InvalidRequestException(
          "commission must be between zero and the amount, was " + commission);
    }
  }

  /** What the operator receives of a capture: the amount less the commission. */
  public Money net() {
    return amount.minus(commission);
  }
}
