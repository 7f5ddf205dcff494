package dev.idsettle;

/**
 * The root of every exception idsettle throws. Business outcomes (a denial, a replay) are values,
 * not exceptions; an exception means bad input, a misconfiguration or a failing store.
 */
public class IdSettleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdSettleException(String message) {
    super(message);
  }

  public IdSettleException(String message, Throwable cause) {
    super(message, cause);
  }
}
