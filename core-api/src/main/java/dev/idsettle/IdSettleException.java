package dev.idsettle;

/**
 * The root of every exception idsettle throws. Business outcomes (a denial, a replay, a store
 * failure seen by a role) are values, not exceptions; an exception means bad input ({@link
 * InvalidRequestException}), a bad setting ({@link InvalidConfigurationException}) or a failing
 * store called directly through the ledger ({@code dev.idsettle.spi.StoreException}). See the
 * package documentation for the whole model.
 */
public class IdSettleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public IdSettleException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public IdSettleException(String message, Throwable cause) {
    super(message, cause);
  }
}
