package dev.idsettle.spi;

/**
 * The transaction conflicted with another (serialization failure, deadlock, a concurrent insert of
 * the same transfer id) and was rolled back: nothing was committed, and the core runs it again.
 */
public class RetryableStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  public RetryableStoreException(String message, Throwable cause) {
    super(message, false, cause);
  }

  public RetryableStoreException(String message) {
    super(message, false);
  }
}
