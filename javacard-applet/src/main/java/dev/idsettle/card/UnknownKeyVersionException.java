package dev.idsettle.card;

/** The issuer holds no key of the version a card names: retired, or never loaded. */
public final class UnknownKeyVersionException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  UnknownKeyVersionException(int version) {
    this(KeyFamily.CARD, version);
  }

  UnknownKeyVersionException(KeyFamily family, int version) {
    super("no issuer " + family.noun() + " key of version " + version + " is loaded");
  }
}
