package dev.idsettle.card;

/** The issuer holds no master key of the version a card names: retired, or never loaded. */
public final class UnknownKeyVersionException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  UnknownKeyVersionException(int version) {
    super("no issuer master key of version " + version + " is loaded");
  }
}
