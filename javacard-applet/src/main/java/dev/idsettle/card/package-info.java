/**
 * The host side of the idsettle smart card: a client that drives the purse applet over {@code
 * javax.smartcardio} (a PC/SC reader or jCardSim alike), and the issuer's key service that derives
 * per-card keys, authorises credits and blocks, and verifies the receipts cards return.
 *
 * <p>Start with {@link dev.idsettle.card.PurseCard} and {@link dev.idsettle.card.CardIssuer} over
 * {@link dev.idsettle.card.IssuerKeys}.
 */
@NullMarked
package dev.idsettle.card;

import org.jspecify.annotations.NullMarked;
