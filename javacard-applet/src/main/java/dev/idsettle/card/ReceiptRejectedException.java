package dev.idsettle.card;

/**
 * A receipt is not what the card would have produced: its MAC is wrong (forged or altered), or it
 * does not answer the command that was sent (a replayed receipt carries another nonce).
 */
public final class ReceiptRejectedException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  ReceiptRejectedException(String message) {
    super(message);
  }
}
