package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.eur;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountState;
import dev.idsettle.sales.PurchaseResult.PurchasePending;
import dev.idsettle.sales.PurchaseResult.PurchaseRefused;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.SimulatedBank.Credential;
import dev.idsettle.sales.SimulatedBank.Fault;
import dev.idsettle.sales.SimulatedBank.Operation;
import org.junit.jupiter.api.Test;

/** The purchase saga on the memory store: each flow and each refusal of issue 23. */
class PurchaseTest {
  final Shop shop = new Shop();

  @Test
  void aPurchaseDeliversAnActivatedIdAndBooksPriceCommissionAndPayout() {
    shop.desk.stock("talk-20", 2);
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "talk-20")));

    assertThat(p.value()).isEqualTo(eur(2000));
    assertThat(shop.account(p.id()).state()).isEqualTo(AccountState.ACTIVE);
    assertThat(shop.account(p.id()).posted()).isEqualTo(2000);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(shop.desk.available("talk-20")).isEqualTo(1);
    // 2.5 % commission: 50 of 2000 to the gateway, 1950 to the operator
    assertThat(shop.ledgerBalance("gateway")).isEqualTo(-2000);
    assertThat(shop.ledgerBalance("commission")).isEqualTo(50);
    assertThat(shop.ledgerBalance("operator")).isEqualTo(1950);
    assertThat(shop.ledgerBalance("clearing")).isZero();
    assertThat(shop.settle.cash("sales-web")).isEqualTo(eur(2000));
    assertThat(p.toString()).doesNotContain(p.id().digits()).doesNotContain(p.checkToken());
  }

  @Test
  void aNonMemberAWrongPasswordAndASuspendedMemberGetAReasonAndNothingElse() {
    shop.desk.stock("talk-20", 1);
    PurchaseRequest stranger =
        new PurchaseRequest("o-1", "talk-20", new Credential("mallory", "x"), "1111");
    PurchaseRequest wrongPassword =
        new PurchaseRequest("o-2", "talk-20", new Credential("alice", "guess"), "1111");
    shop.bank.suspend("bob", true);
    PurchaseRequest suspended =
        new PurchaseRequest("o-3", "talk-20", new Credential("bob", "bob-pw"), "1111");

    assertThat(shop.desk.purchase(stranger))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.NOT_A_MEMBER));
    assertThat(shop.desk.purchase(wrongPassword))
        .isEqualTo(new PurchaseRefused("o-2", PurchaseRefusal.NOT_A_MEMBER));
    assertThat(shop.desk.purchase(suspended))
        .isEqualTo(new PurchaseRefused("o-3", PurchaseRefusal.NOT_IN_GOOD_STANDING));
    assertThat(shop.desk.available("talk-20")).isEqualTo(1);
    assertThat(shop.bank.performed(Operation.AUTHORIZE)).isZero();
  }

  @Test
  void insufficientCreditIsRefusedAtTheCheckAndAtTheAuthorization() {
    shop.desk.stock("talk-20", 2);
    PurchaseRequest bob =
        new PurchaseRequest("o-1", "talk-20", new Credential("bob", "bob-pw"), "1111");
    assertThat(shop.desk.purchase(bob))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.INSUFFICIENT_CREDIT));

    // credit that passes the check but is gone by the authorization
    shop.bank.member("carol", "pw", eur(2000));
    shop.bank.inject(Operation.CHECK, Fault.TIMEOUT_BEFORE);
    PurchaseRequest carol =
        new PurchaseRequest("o-2", "talk-20", new Credential("carol", "pw"), "1111");
    assertThat(shop.desk.purchase(carol)).isInstanceOf(PurchasePending.class);
    shop.bank.authorize("carol", eur(500), "elsewhere");
    assertThat(shop.desk.purchase(carol))
        .isEqualTo(new PurchaseRefused("o-2", PurchaseRefusal.INSUFFICIENT_CREDIT));
    assertThat(shop.desk.available("talk-20")).isEqualTo(2);
  }

  @Test
  void soldOutIsARefusalAndAnUnknownDenominationIsBadInput() {
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.SOLD_OUT));
    assertThat(shop.bank.performed(Operation.AUTHORIZE)).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> shop.desk.purchase(alice("o-2", "talk-99")))
        .isInstanceOf(dev.idsettle.InvalidRequestException.class)
        .hasMessageContaining("talk-99");
  }

  @Test
  void aRetriedPurchaseReturnsTheSameIdAndChargesOnce() {
    shop.desk.stock("talk-20", 3);
    Purchased first = purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    Purchased again = purchased(shop.desk.purchase(alice("o-1", "talk-20")));

    assertThat(again).isEqualTo(first);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(1);
    assertThat(shop.desk.available("talk-20")).isEqualTo(2);
  }

  @Test
  void aRefusalIsReplayedAndTheSameKeyForAnotherOrderIsRefused() {
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.SOLD_OUT));
    shop.desk.stock("talk-20", 1);
    // Stripe: the first answer is replayed, even though stock came in since
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.SOLD_OUT));

    purchased(shop.desk.purchase(alice("o-2", "talk-20")));
    shop.desk.stock("goods-10", 1);
    assertThat(shop.desk.purchase(alice("o-2", "goods-10")))
        .isEqualTo(new PurchaseRefused("o-2", PurchaseRefusal.KEY_REUSED));
    PurchaseRequest bobSameKey =
        new PurchaseRequest("o-2", "talk-20", new Credential("bob", "bob-pw"), "1111");
    assertThat(shop.desk.purchase(bobSameKey))
        .isEqualTo(new PurchaseRefused("o-2", PurchaseRefusal.KEY_REUSED));
    assertThat(shop.desk.available("goods-10")).isEqualTo(1);
  }

  @Test
  void aTimeoutBeforeTheChargeIsRetriedInLineAndChargesOnce() {
    shop.desk.stock("talk-20", 1);
    shop.bank.inject(Operation.AUTHORIZE, Fault.TIMEOUT_BEFORE);
    shop.bank.inject(Operation.CAPTURE, Fault.TIMEOUT_BEFORE);
    purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(1);
  }

  @Test
  void aTimeoutAfterTheChargeIsLearntByRepeatingTheCallAndChargesOnce() {
    shop.desk.stock("talk-20", 1);
    shop.bank.inject(Operation.CAPTURE, Fault.TIMEOUT_AFTER);
    shop.bank.inject(Operation.CAPTURE, Fault.TIMEOUT_AFTER);
    shop.bank.inject(Operation.CAPTURE, Fault.TIMEOUT_AFTER);
    // three lost answers: the order waits, charged once at the bank
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchasePending("o-1", "CAPTURING"));
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    // the buyer retries: the capture's replay finishes the sale
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    assertThat(shop.account(p.id()).posted()).isEqualTo(2000);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(1);
  }

  @Test
  void duplicateDeliveriesOfEveryCallActOnce() {
    shop.desk.stock("talk-20", 1);
    for (Operation op : Operation.values()) {
      shop.bank.inject(op, Fault.DUPLICATE);
    }
    purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    assertThat(shop.bank.performed(Operation.AUTHORIZE)).isEqualTo(1);
    assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(1);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
  }

  @Test
  void aDeliveryRefusedForGoodRefundsThePriceOnce() {
    shop.desk.stock("talk-20", 1);
    // the stocked ID was activated elsewhere before it is sold: the desk's activation is refused
    StockEntry entry = shop.records.reserve("talk-20", "peek").orElseThrow();
    shop.records.settleStock("peek", StockState.AVAILABLE);
    dev.idsettle.id.IdNumber id =
        new Secrets(Shop.DESK_KEY).unseal(entry.stockId(), entry.sealedId());
    shop.settle.terminal("elsewhere").activate(id, eur(100), "stolen");

    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.DELIVERY_FAILED_REFUNDED));
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(0));
    assertThat(shop.bank.performed(Operation.REFUND)).isEqualTo(1);
    assertThat(shop.desk.available("talk-20")).isZero();
    assertThat(shop.ledgerBalance("operator")).isZero();
  }
}
