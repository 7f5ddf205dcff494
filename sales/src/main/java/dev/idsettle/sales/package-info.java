/**
 * Online sale of ID numbers (seed 001, JP 2002-314718 A): a {@link dev.idsettle.sales.SalesDesk}
 * sells IDs of a denomination through a {@link dev.idsettle.sales.PaymentGateway} (the patent's
 * electronic banking engine), delivers them activated, refunds what is still unspent on them, and
 * shows a sold ID again through its check URL and the buyer's PIN.
 *
 * <p>Outcomes are values ({@link dev.idsettle.sales.PurchaseResult}, {@link
 * dev.idsettle.sales.RefundResult}, {@link dev.idsettle.sales.CheckResult}, {@link
 * dev.idsettle.sales.GatewayResult}); bad input throws {@link dev.idsettle.InvalidRequestException}
 * naming the field. The saga's own records live behind the small {@link
 * dev.idsettle.sales.SaleRecords} SPI (in memory, or in tables of their own over JDBC).
 */
@NullMarked
package dev.idsettle.sales;

import org.jspecify.annotations.NullMarked;
