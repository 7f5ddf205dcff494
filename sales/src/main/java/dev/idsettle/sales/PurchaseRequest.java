package dev.idsettle.sales;

import dev.idsettle.InvalidRequestException;

/**
 * A buyer's order.
 *
 * @param idempotencyKey the buyer's key for this purchase (1 to {@value SalesDesk#MAX_KEY}
 *     characters): a retry with it returns the first answer and charges once
 * @param denomination the code of the denomination chosen
 * @param credential what the buyer shows the gateway
 * @param pin the PIN the buyer chooses for the check URL: {@value #MIN_PIN} to {@value #MAX_PIN}
 *     digits
 */
public record PurchaseRequest(
    String idempotencyKey, String denomination, BuyerCredential credential, String pin) {
  /** The shortest PIN. */
  public static final int MIN_PIN = 4;

  /** The longest PIN. */
  public static final int MAX_PIN = 12;

  /** Checks every field. */
  public PurchaseRequest {
    Args.text(idempotencyKey, "idempotencyKey", SalesDesk.MAX_KEY);
    Args.text(denomination, "denomination", Denomination.MAX_CODE);
    Args.notNull(credential, "credential");
    Args.text(credential.subject(), "credential.subject", 200);
    Args.notNull(pin, "pin");
    if (pin.length() < MIN_PIN
        || pin.length() > MAX_PIN
        || !pin.chars().allMatch(Character::isDigit)) {
      throw new InvalidRequestException(
          "pin must be "
              + MIN_PIN
              + " to "
              + MAX_PIN
              + " digits, had "
              + pin.length()
              + " characters");
    }
  }

  @Override
  public String toString() {
    return "PurchaseRequest[idempotencyKey="
        + idempotencyKey
        + ", denomination="
        + denomination
        + ", credential="
        + credential
        + ", pin=***]";
  }
}
