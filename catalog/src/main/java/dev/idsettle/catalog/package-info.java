/**
 * Goods and tickets bought with an ID's balance (claims 11 and 12), on the ledger.
 *
 * <p>A {@link dev.idsettle.catalog.Catalogue} sells {@link dev.idsettle.catalog.Item}s: a purchase
 * debits the ID through the shop's {@code SettlementAuthenticator}, parks the price in an order
 * account of its own, and hands the item to a {@link dev.idsettle.catalog.Delivery}. Goods
 * delivered move the price on to the shop; a failed delivery gives it back to the ID, once. A
 * ticket keeps its price in its order account until a venue checks it in, which moves it to the
 * shop exactly once: a used ticket is an exhausted account, a revoked one a voided account, both
 * judged by the ledger in the same transaction as the money, so a ticket's state survives restarts
 * on every store.
 *
 * <p>Outcomes are values ({@link dev.idsettle.catalog.PurchaseResult}, {@link
 * dev.idsettle.catalog.RefundResult}, {@link dev.idsettle.catalog.CheckInResult}); a store failure
 * is {@link dev.idsettle.catalog.Interrupted}: retry with the same reference or nonce. Bad input is
 * an {@link dev.idsettle.InvalidRequestException} naming the field.
 */
@NullMarked
package dev.idsettle.catalog;

import org.jspecify.annotations.NullMarked;
