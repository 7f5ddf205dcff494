package dev.idsettle.card;

/**
 * A card's fresh PIN challenge (PIN CHALLENGE), good for one VERIFY or CHANGE PIN in the same
 * session, and the version of the keys the card was personalised with.
 *
 * @param value eight random bytes from the card
 * @param keyVersion the card's key version, 0 to 255
 */
record PinChallenge(long value, int keyVersion) {}
