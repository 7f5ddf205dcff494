package dev.idsettle.card;

/** Root of everything that can go wrong when talking to a purse card. */
public class CardOperationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CardOperationException(String message) {
    super(message);
  }

  CardOperationException(String message, Throwable cause) {
    super(message, cause);
  }
}
