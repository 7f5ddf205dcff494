package dev.idsettle.card;

/**
 * What INITIALIZE returns: a fresh random challenge, the card's transaction counter and the version
 * of the keys the card was personalised with. The issuer's MAC for the next CREDIT or BLOCK covers
 * challenge and counter, so neither a repeated random value nor a recorded command can be replayed
 * once the counter has moved.
 *
 * @param value the card's 8 random bytes, big-endian
 * @param counter the card's transaction counter, 0 to 2^32 - 1
 * @param keyVersion the card's key version, 0 to 255 (unauthenticated: a wrong one only makes the
 *     card refuse the MAC)
 */
public record Challenge(long value, long counter, int keyVersion) {}
