package dev.idsettle.sales;

import java.util.List;

/**
 * What a payment gateway says it charged, read the way an operator reads a bank's settlement file:
 * every capture it took, with what it refunded of each. A reconciliation matches it against the
 * desk's orders (every capture has a delivered sale for the same amount, and every delivered sale
 * its capture). Optional beside {@link PaymentGateway}: a gateway whose statement arrives as a file
 * implements it with a reader of that file. {@link SimulatedBank} implements it from its own books.
 */
public interface GatewayStatement {
  /**
   * Every capture taken so far, in the order taken.
   *
   * @throws dev.idsettle.spi.StoreException if the statement cannot be read now
   */
  List<StatementLine> captures();
}
