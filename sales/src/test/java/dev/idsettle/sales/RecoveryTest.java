package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.eur;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.AccountState;
import dev.idsettle.sales.PurchaseResult.PurchaseRefused;
import dev.idsettle.sales.PurchaseResult.Purchased;
import dev.idsettle.sales.SimulatedBank.Operation;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A desk killed at each step of the saga, and a recovery pass by another desk over the same ledger,
 * bank and records: before the capture the sale is undone, after it finished, exactly once (passes
 * repeated, and the buyer's retry, change nothing more).
 */
class RecoveryTest {
  @ParameterizedTest(name = "crash {1} recording {0}")
  @CsvSource({
    "RESERVED, before, undone",
    "AUTHORIZING, after, undone",
    "AUTHORIZED, before, undone",
    "AUTHORIZED, after, undone",
    "CAPTURING, after, delivered",
    "CAPTURED, before, delivered",
    "CAPTURED, after, delivered",
    "DELIVERED, before, delivered",
  })
  void aCrashAtAnyStepIsFinishedOrUndoneOnce(SaleState at, String when, String outcome) {
    MemorySaleRecords records = MemorySaleRecords.create();
    Shop shop = new Shop(MemoryStore.create(), SimulatedBank.create(Shop.EUR, 250), records);
    shop.desk.stock("talk-20", 1);
    SalesDesk crashing =
        SalesDesk.builder(
                shop.settle, shop.bank, new CrashingRecords(records, at, when.equals("after")))
            .deskKey(Shop.DESK_KEY)
            .clock(shop.clock)
            .pinCost(Shop.CHEAP)
            .denomination(Shop.TALK_20)
            .build();
    assertThatThrownBy(() -> crashing.purchase(alice("o-1", "talk-20")))
        .isInstanceOf(CrashingRecords.Crash.class);

    // within the grace period recovery leaves a live purchase alone
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(0, 0, 0));
    shop.clock.advance(Duration.ofMinutes(6));
    RecoveryReport report = shop.desk.recover();
    boolean delivered = outcome.equals("delivered");
    assertThat(report)
        .isEqualTo(delivered ? new RecoveryReport(1, 0, 0) : new RecoveryReport(0, 1, 0));
    shop.clock.advance(Duration.ofMinutes(6));
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(0, 0, 0));

    PurchaseResult retry = shop.desk.purchase(alice("o-1", "talk-20"));
    if (delivered) {
      Purchased p = purchased(retry);
      assertThat(shop.account(p.id()).state()).isEqualTo(AccountState.ACTIVE);
      assertThat(shop.account(p.id()).posted()).isEqualTo(2000);
      assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
      assertThat(shop.bank.performed(Operation.CAPTURE)).isEqualTo(1);
      assertThat(shop.ledgerBalance("operator")).isEqualTo(1950);
      assertThat(shop.ledgerBalance("commission")).isEqualTo(50);
      assertThat(shop.settle.cash("sales-web")).isEqualTo(eur(2000));
    } else {
      assertThat(retry).isEqualTo(new PurchaseRefused("o-1", PurchaseRefusal.ABANDONED));
      assertThat(shop.bank.charged("alice")).isEqualTo(eur(0));
      assertThat(shop.bank.available("alice")).isEqualTo(eur(10_000));
      assertThat(shop.desk.available("talk-20")).isEqualTo(1);
      assertThat(shop.ledgerBalance("gateway")).isZero();
    }
  }

  @Test
  void aChargeWhoseAnswerWasLostIsDeliveredByRecoveryOnce() {
    Shop shop = new Shop();
    shop.desk.stock("talk-20", 1);
    for (int i = 0; i < 3; i++) {
      shop.bank.inject(Operation.CAPTURE, SimulatedBank.Fault.TIMEOUT_AFTER);
    }
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isInstanceOf(PurchaseResult.PurchasePending.class);
    shop.clock.advance(Duration.ofMinutes(6));
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(1, 0, 0));
    Purchased p = purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    assertThat(shop.account(p.id()).posted()).isEqualTo(2000);
    assertThat(shop.bank.charged("alice")).isEqualTo(eur(2000));
  }

  @Test
  void aGatewayThatStaysSilentLeavesTheOrderForTheNextPass() {
    Shop shop = new Shop();
    shop.desk.stock("talk-20", 1);
    for (int i = 0; i < 6; i++) {
      shop.bank.inject(Operation.AUTHORIZE, SimulatedBank.Fault.TIMEOUT_BEFORE);
    }
    assertThat(shop.desk.purchase(alice("o-1", "talk-20")))
        .isEqualTo(new PurchaseResult.PurchasePending("o-1", "AUTHORIZING"));
    shop.clock.advance(Duration.ofMinutes(6));
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(0, 0, 1));
    assertThat(shop.desk.recover()).isEqualTo(new RecoveryReport(0, 1, 0));
    assertThat(shop.bank.available("alice")).isEqualTo(eur(10_000));
    assertThat(shop.desk.available("talk-20")).isEqualTo(1);
  }
}
