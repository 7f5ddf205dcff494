package dev.idsettle.card;

/** The card answered with something that is not what this applet sends: wrong applet or data. */
public final class CardProtocolException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  CardProtocolException(String message) {
    super(message);
  }
}
