package dev.idsettle.card;

/** Why a card refused a command, one per status word the applet sends. */
public enum CardRefusal {
  /** 63Cx: wrong PIN, x tries left. */
  WRONG_PIN(0x63C0, "wrong PIN; see the tries left before the PIN blocks"),
  /** 6700: the command data had the wrong length. */
  WRONG_LENGTH(0x6700, "the command data has the wrong length for this command"),
  /** 6982: the card requires a verified PIN first. */
  PIN_NOT_VERIFIED(0x6982, "verify the PIN first; one verification allows one debit"),
  /** 6983: no PIN tries are left. */
  PIN_BLOCKED(0x6983, "the PIN is blocked after too many wrong tries; only the issuer can help"),
  /** 6984: the issuer blocked the card. */
  CARD_BLOCKED(0x6984, "the card is blocked by its issuer; it can be read but not used"),
  /** 6985: the balance does not cover the debit. */
  INSUFFICIENT_BALANCE(0x6985, "the balance does not cover the amount"),
  /** 6986: no fresh challenge (never initialised, or already used). */
  NO_FRESH_CHALLENGE(
      0x6986, "no fresh challenge: send INITIALIZE and get a new authorisation for it"),
  /** 6988: the issuer's MAC is wrong. */
  WRONG_MAC(0x6988, "the issuer's MAC does not match this card, challenge, counter and amount"),
  /** 6A80: a field of the command data is invalid. */
  INVALID_DATA(0x6A80, "invalid command data (a zero amount, a malformed ID or currency, or PIN)"),
  /** 6A81: the card was personalised without a PIN. */
  NO_PIN(0x6A81, "this card has no PIN"),
  /** 6A84: the balance or the counter would pass 2^32 - 1. */
  LIMIT_REACHED(0x6A84, "the balance (or the counter) would pass its maximum of 4294967295"),
  /** 6A86: P1/P2 are not what the command takes. */
  WRONG_P1P2(0x6A86, "wrong P1/P2 (or an unknown GET DATA tag)"),
  /** 6A88: the card has no such data: not personalised, or no transaction yet. */
  NO_DATA(0x6A88, "the card has no such data: it is not personalised, or has no transaction yet"),
  /** 6A89: personalisation happens once. */
  ALREADY_PERSONALISED(0x6A89, "the card is already personalised; personalisation runs once"),
  /** 6D00: the applet does not know the instruction. */
  INS_NOT_SUPPORTED(0x6D00, "unknown instruction: is this the idsettle purse applet?"),
  /** 6E00: the applet does not know the class byte. */
  CLA_NOT_SUPPORTED(0x6E00, "unknown class byte"),
  /** 6A82 or 6999 on SELECT: the applet is not on the card. */
  APPLET_NOT_FOUND(0x6A82, "the purse applet is not installed on this card"),
  /** Any other status word. */
  UNEXPECTED(0x6F00, "unexpected status word");

  private final int statusWord;
  private final String message;

  CardRefusal(int statusWord, String message) {
    this.statusWord = statusWord;
    this.message = message;
  }

  /** Returns the status word, with x = 0 for {@link #WRONG_PIN}. */
  public int statusWord() {
    return statusWord;
  }

  String message() {
    return message;
  }

  static CardRefusal of(int statusWord) {
    if ((statusWord & 0xFFF0) == WRONG_PIN.statusWord) {
      return WRONG_PIN;
    }
    if (statusWord == 0x6999) {
      return APPLET_NOT_FOUND;
    }
    for (CardRefusal refusal : values()) {
      if (refusal.statusWord == statusWord) {
        return refusal;
      }
    }
    return UNEXPECTED;
  }
}
