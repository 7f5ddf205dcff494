package dev.idsettle.spi;

import dev.idsettle.IdSettleException;

/**
 * A store failed. When {@link #mayHaveCommitted()} is true the outcome is unknown: retry with the
 * same transfer ids (a replay returns the original result) or reverse; never treat it as a refusal.
 */
public class StoreException extends IdSettleException {
  private static final long serialVersionUID = 1L;
  private final boolean mayHaveCommitted;

  public StoreException(String message, boolean mayHaveCommitted, Throwable cause) {
    super(message, cause);
    this.mayHaveCommitted = mayHaveCommitted;
  }

  public StoreException(String message, boolean mayHaveCommitted) {
    super(message);
    this.mayHaveCommitted = mayHaveCommitted;
  }

  /** Whether the transaction may have committed although no acknowledgement arrived. */
  public boolean mayHaveCommitted() {
    return mayHaveCommitted;
  }
}
