package dev.idsettle;

/**
 * An argument was not acceptable: null where a value is required, out of its range, or not in the
 * expected form (an ID number that fails its check digit, an unknown currency code). Thrown by a
 * method or a value's constructor before anything changed. The message names the field and says
 * what was wrong; a quoted value is escaped and shortened, and a full ID number is never quoted, so
 * the message is safe to log.
 *
 * <p>A request that is well formed but cannot be granted (a balance too low, an unknown ID, a wrong
 * currency for this ledger) is not an exception: it is a {@code Denial} value.
 */
public class InvalidRequestException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}, which names the field and what was wrong with it. */
  public InvalidRequestException(String message) {
    super(message);
  }

  /** An exception with {@code message}, caused by {@code cause}. */
  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
