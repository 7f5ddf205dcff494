package dev.idsettle.sales;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;

/**
 * One capture on a {@link GatewayStatement}.
 *
 * @param capture the gateway's capture reference (what {@link Approved#reference()} said)
 * @param authorization the authorization it captured
 * @param amount what was taken
 * @param commission what the gateway kept of it
 * @param refunded what was given back of it so far (zero to {@code amount})
 */
public record StatementLine(
    String capture, String authorization, Money amount, Money commission, Money refunded) {
  /** Checks that every field is present and the figures fit within the amount. */
  public StatementLine {
    Args.text(capture, "capture", 200);
    Args.text(authorization, "authorization", 200);
    Args.notNull(amount, "amount");
    Args.notNull(commission, "commission");
    Args.notNull(refunded, "refunded");
    amount.requireSameCurrency(commission);
    amount.requireSameCurrency(refunded);
    if (amount.minor() < 0
        || commission.minor() < 0
        || refunded.minor() < 0
        || commission.compareTo(amount) > 0
        || refunded.compareTo(amount) > 0) {
      throw new InvalidRequestException(
          "statement line "
              + capture
              + ": amount, commission and refunded must not be negative, and commission and"
              + " refunded at most the amount");
    }
  }
}
