package dev.idsettle.catalog;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.StoreException;

/**
 * What the ledger says about one order: its account, the account that paid, the shop's revenue
 * account the price came through, the price, and the item.
 */
record OrderFacts(
    AccountId order, AccountId payer, AccountId revenue, long amount, String item, boolean ticket) {

  /** From the order's key and its issuing transfer. */
  static OrderFacts of(Orders orders, AccountKey key) {
    AccountId order = key.account();
    AccountId payer = key.owner();
    Transfer issue =
        orders
            .applied(Orders.step("issue", order))
            .orElseThrow(
                () -> new StoreException("order " + order + " has a key but no issue", false));
    if (payer == null) {
      throw new StoreException("order " + order + " has a key without its payer", false);
    }
    return new OrderFacts(
        order,
        payer,
        issue.debit(),
        issue.amount(),
        Orders.item(key),
        key.tag().startsWith(Orders.TICKET_ORDER_TAG));
  }
}
