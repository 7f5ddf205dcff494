package dev.idsettle.metering;

import dev.idsettle.IdSettleException;

/** Usage was asked about that no rate prices (beyond a rate's hours, say). */
public final class UnratedException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public UnratedException(String message) {
    super(message);
  }
}
