package dev.idsettle.catalog;

/** What a {@link Delivery} answers: {@link Delivered} or {@link Failed}. */
public sealed interface DeliveryResult {
  /** The item reached the buyer. */
  static DeliveryResult delivered() {
    return new Delivered();
  }

  /** The item could not be delivered; the catalogue gives the value back. */
  static DeliveryResult failed(String reason) {
    return new Failed(reason);
  }

  /** The item reached the buyer. */
  record Delivered() implements DeliveryResult {}

  /**
   * The item could not be delivered.
   *
   * @param reason why, for the buyer and the operator
   */
  record Failed(String reason) implements DeliveryResult {
    /** Requires a reason. */
    public Failed {
      Text.required(reason, "reason");
    }
  }
}
