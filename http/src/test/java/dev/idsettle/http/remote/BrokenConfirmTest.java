package dev.idsettle.http.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.InProcessTransport;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.message.Operation;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The negative control of the exactly-once check, deterministic: against a manager whose confirm is
 * not idempotent ({@link BrokenConfirm}), one lost confirm answer is enough for the check the
 * exactly-once test makes (the device's holding equals its float at the manager) to fail; against
 * the real one it holds.
 */
class BrokenConfirmTest {
  @Test
  void aRepeatedConfirmThatMovesValueAgainIsCaught() {
    assertThat(gapAfterALostConfirmAnswer(true)).isEqualTo(700);
    assertThat(gapAfterALostConfirmAnswer(false)).isZero();
  }

  /** Float at the manager minus what the device holds, after a load whose confirm was repeated. */
  private static long gapAfterALostConfirmAnswer(boolean broken) {
    IdSettle settle =
        IdSettle.builder(MemoryStore.create()).issuerKey(LocalAuthenticatorTest.key(1)).build();
    SettlementManager manager = SettlementManager.over(settle);
    manager.register(LocalAuthenticatorTest.PHONE);
    ManagerTransfers real = ManagerTransfers.over(settle, manager, Duration.ofMinutes(1));
    Transfers transfers = broken ? new BrokenConfirm(real, settle) : real;
    FlakyTransport wire =
        new FlakyTransport(
            InProcessTransport.to(
                ManagerEndpoint.of(settle, manager, transfers), LocalAuthenticatorTest.DEVICE));
    LocalAuthenticator device =
        LocalAuthenticator.builder(
                Ledger.over(MemoryStore.create()), wire, LocalAuthenticatorTest.PHONE)
            .key(LocalAuthenticatorTest.key(2))
            .build();
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till-1").activate(id, Money.of(2000, "EUR"), "sale-1");
    wire.dropAnswers.add(Operation.CONFIRM);
    device.load(id, Money.of(700, "EUR"), "load-1");
    wire.dropAnswers.clear();
    device.recover(10);
    long atManager =
        settle.ledger().account(real.floatAccount("phone")).map(Account::posted).orElse(0L);
    return atManager - device.holding().minor();
  }
}
