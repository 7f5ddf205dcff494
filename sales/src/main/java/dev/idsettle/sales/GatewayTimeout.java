package dev.idsettle.sales;

/**
 * No answer came: the call may or may not have taken effect. Never a refusal: call again with the
 * same idempotency key, which returns the original answer if the first call arrived.
 *
 * @param operation what was asked ("authorize", "capture", ...)
 */
public record GatewayTimeout(String operation) implements GatewayResult {
  /** Requires the operation. */
  public GatewayTimeout {
    Args.text(operation, "operation", 40);
  }
}
