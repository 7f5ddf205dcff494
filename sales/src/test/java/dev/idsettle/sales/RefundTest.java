package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.eur;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountState;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Permit;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.RefundResult.Reason;
import dev.idsettle.sales.RefundResult.RefundRefused;
import dev.idsettle.sales.RefundResult.Refunded;
import dev.idsettle.sales.SimulatedBank.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refunds take back only what is unspent: a spent ID does not become free. */
class RefundTest {
  final Shop shop = new Shop();

  @Test
  void aRefundAfterPartialSpendingReturnsOnlyTheUnspentShare() {
    shop.desk.stock("goods-10", 1);
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "goods-10")));
    assertThat(shop.spend(p.id(), 400, "r-1")).isInstanceOf(Permit.class);

    RefundResult r = shop.desk.refund("o-1", "refund-1");
    // 600 of 1000 unspent: 60 % of the price of 950 is 570
    assertThat(r).isEqualTo(new Refunded("o-1", eur(600), eur(570)));
    assertThat(shop.account(p.id()).state()).isEqualTo(AccountState.VOIDED);
    assertThat(shop.account(p.id()).posted()).isZero();
    assertThat(shop.spend(p.id(), 1, "r-2")).isInstanceOf(Denial.class);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(950 - 570));
    assertThat(shop.ledgerBalance("unspent-refunds")).isEqualTo(600);
    assertThat(shop.ledgerBalance("gateway")).isEqualTo(-950 + 570);

    assertThat(shop.desk.refund("o-1", "refund-1")).isEqualTo(r);
    assertThat(shop.desk.refund("o-1", "refund-2"))
        .isEqualTo(new RefundRefused("o-1", Reason.KEY_REUSED));
    assertThat(shop.bank.performed(Operation.REFUND)).isEqualTo(1);
  }

  @Test
  void aFullySpentIdRefundsNothing() {
    shop.desk.stock("talk-20", 1);
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    assertThat(shop.spend(p.id(), 2000, "r-1")).isInstanceOf(Permit.class);
    assertThat(shop.desk.refund("o-1", "refund-1")).isEqualTo(new Refunded("o-1", eur(0), eur(0)));
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
    assertThat(shop.bank.performed(Operation.REFUND)).isZero();
  }

  @Test
  void anUnsoldOrderOrAnOpenSpendIsRefused() {
    assertThat(shop.desk.refund("nothing", "k"))
        .isEqualTo(new RefundRefused("nothing", Reason.NOT_SOLD));
    shop.desk.stock("talk-20", 1);
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    shop.settle
        .ledger()
        .submit(
            dev.idsettle.ledger.LedgerBatch.create()
                .add(
                    dev.idsettle.ledger.LedgerCommand.hold(
                        dev.idsettle.ledger.TransferId.random(),
                        shop.account(p.id()).id(),
                        dev.idsettle.ledger.AccountId.named("sales:web:operator"),
                        300,
                        Duration.ofMinutes(5),
                        "a call in progress")));
    assertThat(shop.desk.refund("o-1", "k"))
        .isEqualTo(new RefundRefused("o-1", Reason.SPEND_IN_PROGRESS));
    assertThat(shop.account(p.id()).state()).isEqualTo(AccountState.ACTIVE);
  }

  @Test
  void aRefundWhoseGatewayAnswerWasLostIsFinishedByRecovery() {
    shop.desk.stock("talk-20", 1);
    purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    for (int i = 0; i < 3; i++) {
      shop.bank.inject(Operation.REFUND, SimulatedBank.Fault.TIMEOUT_BEFORE);
    }
    assertThat(shop.desk.refund("o-1", "k")).isEqualTo(new RefundResult.RefundPending("o-1"));
    shop.clock.advance(Duration.ofMinutes(6));
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(1, 0, 0));
    assertThat(shop.desk.refund("o-1", "k")).isEqualTo(new Refunded("o-1", eur(2000), eur(2000)));
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(0));
  }
}
