package dev.idsettle.card;

/** The PIN was wrong; the card counted one try. */
public final class WrongPinException extends CardRefusedException {

  private static final long serialVersionUID = 1L;

  private final int triesLeft;

  WrongPinException(int statusWord, String command) {
    super(CardRefusal.WRONG_PIN, statusWord, command);
    this.triesLeft = statusWord & 0x0F;
  }

  /** Returns how many wrong PINs are left before the PIN blocks. */
  public int triesLeft() {
    return triesLeft;
  }
}
