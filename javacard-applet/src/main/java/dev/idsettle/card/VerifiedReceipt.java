package dev.idsettle.card;

/**
 * A receipt whose MAC the issuer has checked with the card's receipt key: the card really made this
 * transaction. A journal settles these, keyed by card ID and counter; a duplicate has the same key.
 */
public final class VerifiedReceipt {

  private final CardReceipt receipt;

  VerifiedReceipt(CardReceipt receipt) {
    this.receipt = receipt;
  }

  /** Returns the verified receipt. */
  public CardReceipt receipt() {
    return receipt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifiedReceipt verified && verified.receipt.equals(receipt);
  }

  @Override
  public int hashCode() {
    return receipt.hashCode();
  }

  @Override
  public String toString() {
    return "verified " + receipt;
  }
}
