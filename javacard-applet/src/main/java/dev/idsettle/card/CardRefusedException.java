package dev.idsettle.card;

/** The card refused a command; it changed nothing. {@link #refusal()} says why. */
public class CardRefusedException extends CardOperationException {

  private static final long serialVersionUID = 1L;

  private final CardRefusal refusal;
  private final int statusWord;

  CardRefusedException(CardRefusal refusal, int statusWord, String command) {
    super(
        command
            + " refused by the card ("
            + String.format("SW %04X", statusWord)
            + "): "
            + refusal.message());
    this.refusal = refusal;
    this.statusWord = statusWord;
  }

  /** Returns why the card refused. */
  public CardRefusal refusal() {
    return refusal;
  }

  /** Returns the ISO 7816 status word the card answered with. */
  public int statusWord() {
    return statusWord;
  }
}
