package dev.idsettle.card;

/**
 * A {@link CardStatement} whose MAC the issuer checked with the card's receipt key and whose nonce
 * is the one the host sent just before: the card's true state at that moment. Its last receipt, if
 * any, verifies too.
 */
public final class VerifiedStatement {

  private final CardStatement statement;

  VerifiedStatement(CardStatement statement) {
    this.statement = statement;
  }

  /** Returns the verified statement. */
  public CardStatement statement() {
    return statement;
  }

  @Override
  public String toString() {
    return "verified " + statement;
  }
}
