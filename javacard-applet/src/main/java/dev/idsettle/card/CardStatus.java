package dev.idsettle.card;

/**
 * The card's lifecycle and PIN state.
 *
 * @param lifecycle where the card is in its life
 * @param pinRequired whether every debit needs a verified PIN
 * @param pinTriesLeft wrong PINs left before the PIN blocks (meaningless without a PIN)
 */
public record CardStatus(Lifecycle lifecycle, boolean pinRequired, int pinTriesLeft) {}
