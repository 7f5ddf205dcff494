package dev.idsettle;

/**
 * A request was malformed (missing field, non-positive amount, wrong currency): nothing changed.
 */
public class InvalidRequestException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
