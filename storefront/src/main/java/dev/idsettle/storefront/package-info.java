/**
 * The web storefront (seed 001): plain server-rendered pages over the library's own calls, on the
 * JDK's HTTP server. A buyer picks a denomination and pays through the {@link
 * dev.idsettle.sales.PaymentGateway} ({@link dev.idsettle.sales.SalesDesk}); the check URL with the
 * buyer's PIN shows a bought ID again; the access-number page shows the numbers of the region the
 * user picks ({@link dev.idsettle.catalog.access.AccessDirectory}); the shop sells goods and
 * tickets for an ID's balance and the check-in page admits a ticket once ({@link
 * dev.idsettle.catalog.Catalogue}).
 *
 * <p>{@link dev.idsettle.storefront.Storefront} is the server; {@link
 * dev.idsettle.storefront.DemoShop} wires a complete shop on the embedded default database, and
 * {@link dev.idsettle.storefront.StorefrontMain} starts it from the command line.
 */
@NullMarked
package dev.idsettle.storefront;

import org.jspecify.annotations.NullMarked;
