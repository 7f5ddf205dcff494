package dev.idsettle.card;

/**
 * The families of versioned AES master keys an issuer holds. Each family rotates on its own
 * versions and has its own key check values; each card or chip key is derived from one of them
 * (NIST SP 800-108, AES-CMAC), so a family's master can stay in an HSM. Keep the families in
 * separate keys: a PIN pad then holds only {@link #PIN} keys and can neither authorise a credit nor
 * forge a receipt, and a personalisation bureau needs only {@link #TRANSPORT} keys besides.
 */
public enum KeyFamily {
  /** Card masters: each card's command key (CREDIT, BLOCK) and receipt key come from them. */
  CARD("idsettle-master-"),
  /** PIN masters: each card's PIN key, under which VERIFY and CHANGE PIN carry the PIN. */
  PIN("idsettle-pin-"),
  /** Transport masters: each chip's transport keys, under which PERSONALIZE travels. */
  TRANSPORT("idsettle-transport-");

  private final String aliasPrefix;

  KeyFamily(String aliasPrefix) {
    this.aliasPrefix = aliasPrefix;
  }

  /**
   * Returns the alias under which a {@link java.security.KeyStore} holds version {@code version} of
   * this family: {@code idsettle-master-v}, {@code idsettle-pin-v} or {@code idsettle-transport-v}.
   */
  public String alias(int version) {
    return aliasPrefix + version;
  }

  /** How messages name a key of this family: "master", "pin" or "transport". */
  String noun() {
    return this == CARD ? "master" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
