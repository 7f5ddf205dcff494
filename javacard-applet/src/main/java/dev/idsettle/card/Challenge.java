package dev.idsettle.card;

/**
 * What INITIALIZE returns: a fresh random challenge and the card's transaction counter. The
 * issuer's MAC for the next CREDIT or BLOCK covers both, so neither a repeated random value nor a
 * recorded command can be replayed once the counter has moved.
 *
 * @param value the card's 8 random bytes, big-endian
 * @param counter the card's transaction counter, 0 to 2^32 - 1
 */
public record Challenge(long value, long counter) {}
