package dev.idsettle.sales;

/**
 * The gateway refused; nothing happened.
 *
 * @param reason why
 */
public record Declined(DeclineReason reason) implements GatewayResult {
  /** Requires the reason. */
  public Declined {
    Args.notNull(reason, "reason");
  }
}
