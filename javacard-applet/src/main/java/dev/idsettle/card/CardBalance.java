package dev.idsettle.card;

import java.util.Currency;

/**
 * A card's balance.
 *
 * @param amount minor units of {@code currency}, 0 to 2^32 - 1
 * @param currency the currency the card was personalised with
 */
public record CardBalance(long amount, Currency currency) {}
