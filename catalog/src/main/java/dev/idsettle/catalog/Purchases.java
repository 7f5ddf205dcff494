package dev.idsettle.catalog;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Permit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A purchase once the ID has paid: issue the order (park the price in its account, write its keys),
 * deliver, then either move the price on to the shop (goods) or keep it for the check-in (a
 * ticket), or give it back if the delivery failed. Each step is a transfer with an id derived from
 * the order, so a retry skips what was done and never does anything twice.
 */
final class Purchases {
  private final Orders orders;
  private final Delivery delivery;

  Purchases(Orders orders, Delivery delivery) {
    this.orders = orders;
    this.delivery = delivery;
  }

  PurchaseResult afterPayment(Permit permit, Item item, String reference) {
    AccountId order = orders.account(reference);
    Optional<AccountKey> key = orders.orderKey(reference);
    OrderFacts facts;
    if (key.isPresent()) {
      facts = OrderFacts.of(orders, key.get());
      if (!facts.item().equals(item.id())) {
        throw new InvalidRequestException(
            "reference was used for another item (" + facts.item() + "): choose a new reference");
      }
    } else {
      Transfer paid =
          orders
              .applied(permit.transferId())
              .orElseThrow(() -> new IllegalStateException("a permit without its transfer"));
      facts =
          new OrderFacts(
              order, paid.debit(), paid.credit(), paid.amount(), item.id(), item.ticket());
      issue(facts, item, reference);
    }
    TicketCode code = item.ticket() ? orders.code(reference) : null;
    Optional<Transfer> givenBack = orders.ledger().transfer(Orders.step("undelivered", order));
    if (givenBack.isPresent()) {
      Transfer t = givenBack.get();
      return new PurchaseResult.NotDelivered(
          t.code().substring(t.code().indexOf(':') + 1), returned(t.applied(), item), true);
    }
    if (!item.ticket() && orders.applied(Orders.step("earned", order)).isPresent()) {
      return bought(permit, item, reference, null);
    }
    DeliveryResult result = deliver(new Order(reference, item, code));
    if (result instanceof DeliveryResult.Failed failed) {
      return giveBack(facts, item, failed.reason());
    }
    if (!item.ticket()) {
      orders.submit(
          Orders.post(
              Orders.step("earned", order),
              order,
              facts.revenue(),
              facts.amount(),
              "delivered:" + item.id()));
    }
    return bought(permit, item, reference, code);
  }

  private void issue(OrderFacts facts, Item item, String reference) {
    AccountId order = facts.order();
    orders
        .ledger()
        .createAccounts(List.of(Orders.newAccount(order, item.price().currency(), item)));
    List<AccountKey> keys = new ArrayList<>(2);
    keys.add(
        new AccountKey(
            orders.orderHash(reference),
            order,
            facts.payer(),
            (item.ticket() ? Orders.TICKET_ORDER_TAG : Orders.ORDER_TAG) + item.id()));
    if (item.ticket()) {
      keys.add(
          new AccountKey(
              orders.codeHash(orders.code(reference)),
              order,
              facts.revenue(),
              Orders.TICKET_TAG + item.id()));
    }
    TransferId issue = Orders.step("issue", order);
    try {
      List<CommandResult> results =
          orders
              .ledger()
              .submit(
                  LedgerBatch.create()
                      .add(
                          Orders.post(
                              issue,
                              facts.revenue(),
                              order,
                              facts.amount(),
                              Orders.ORDER_TAG + item.id()))
                      .withKeys(keys));
      if (!results.get(0).applied()) {
        throw new IllegalStateException("the ledger refused to issue an order: " + results.get(0));
      }
    } catch (KeyExistsException e) {
      // a concurrent attempt with the same reference issued it: its keys and transfer are there
      if (orders.applied(issue).isEmpty()) {
        throw e;
      }
    }
  }

  private DeliveryResult deliver(Order order) {
    try {
      return Text.required(delivery.deliver(order), "the delivery's result");
    } catch (RuntimeException e) {
      return DeliveryResult.failed("delivery failed: " + e.getClass().getSimpleName());
    }
  }

  private PurchaseResult giveBack(OrderFacts facts, Item item, String reason) {
    CommandResult first =
        orders.submitLinked(
            Orders.close(
                Orders.step("undelivered", facts.order()),
                facts.order(),
                facts.payer(),
                facts.amount(),
                facts.order(),
                "undelivered:" + reason));
    return new PurchaseResult.NotDelivered(
        reason, returned(first.applied(), item), first.replayed());
  }

  private static Money returned(boolean applied, Item item) {
    return applied ? item.price() : Money.of(0, item.price().currency());
  }

  private static PurchaseResult bought(
      Permit permit, Item item, String reference, @Nullable TicketCode code) {
    return new PurchaseResult.Bought(reference, item, permit.balance(), code, permit.replayed());
  }
}
