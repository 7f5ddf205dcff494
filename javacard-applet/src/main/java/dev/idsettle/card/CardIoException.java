package dev.idsettle.card;

/**
 * The reader or the link to the card failed: the card may or may not have run the command. After a
 * credit or debit, read the last transaction with {@link PurseCard#lastReceipt()} to find out.
 */
public final class CardIoException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  CardIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
