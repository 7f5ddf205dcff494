package dev.idsettle.card;

/** Where a card is in its life, as GET DATA reports it. */
public enum Lifecycle {
  /** Loaded but not yet personalised: it has no ID and no keys. */
  INSTALLED(1),
  /** Personalised by the issuer; activated by its first credit. */
  PERSONALISED(2),
  /** Credited at least once; debits are possible. */
  ACTIVE(3),
  /** Blocked by the issuer for good; only GET DATA still answers. */
  BLOCKED(4);

  private final int code;

  Lifecycle(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static Lifecycle fromCode(int code) {
    for (Lifecycle lifecycle : values()) {
      if (lifecycle.code == code) {
        return lifecycle;
      }
    }
    throw new CardProtocolException(
        "the card reported an unknown lifecycle state " + (code & 0xFF));
  }
}
