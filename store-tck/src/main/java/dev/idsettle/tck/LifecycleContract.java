package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ID's lifecycle and the no-overdraft constraint. Part of {@link LedgerStoreContract}. */
public interface LifecycleContract extends ContractTest {

  /** An issued ID can be neither spent, held, topped up nor blocked. */
  @Test
  default void issuedIsUnusable() {
    LedgerFixture f = tck();
    AccountId id = f.newId();

    assertThat(f.debit(id, 1).refusal()).isEqualTo(Refusal.NOT_ACTIVATED);
    assertThat(f.hold(TransferId.random(), id, 1, Duration.ofMinutes(1)).refusal())
        .isEqualTo(Refusal.NOT_ACTIVATED);
    assertThat(f.topUp(id, 1).refusal()).isEqualTo(Refusal.NOT_ACTIVATED);
    assertThat(f.submit(Commands.block(id)).refusal()).isEqualTo(Refusal.NOT_ACTIVATED);
    assertThat(f.account(id).state()).isEqualTo(AccountState.ISSUED);
  }

  /** Activation makes an ID active with the amount paid; a second activation is refused. */
  @Test
  default void activationOnce() {
    LedgerFixture f = tck();
    AccountId id = f.newId();

    assertThat(f.activate(id, 0))
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.INVALID_AMOUNT));
    assertThat(f.account(id).state()).isEqualTo(AccountState.ISSUED);
    assertThat(f.activate(id, 100)).allSatisfy(r -> assertThat(r.applied()).isTrue());
    assertThat(f.activate(id, 100))
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.ALREADY_ACTIVE));

    assertThat(f.account(id).state()).isEqualTo(AccountState.ACTIVE);
    assertThat(f.account(id).posted()).isEqualTo(100);
  }

  /** An ID is exhausted at zero, unusable, and active again after a top-up. */
  @Test
  default void exhaustedAtZeroAndActiveAfterTopUp() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);

    assertThat(f.debit(id, 100).applied()).isTrue();
    assertThat(f.account(id).state()).isEqualTo(AccountState.EXHAUSTED);
    assertThat(f.debit(id, 1).refusal()).isEqualTo(Refusal.EXHAUSTED);
    assertThat(f.topUp(id, 50).applied()).isTrue();
    assertThat(f.account(id).state()).isEqualTo(AccountState.ACTIVE);
    assertThat(f.debit(id, 50).applied()).isTrue();
    assertThat(f.account(id).state()).isEqualTo(AccountState.EXHAUSTED);
  }

  /** A blocked ID refuses everything. */
  @Test
  default void blockedRefusesEverything() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);

    assertThat(f.submit(Commands.block(id)).applied()).isTrue();

    assertThat(f.debit(id, 1).refusal()).isEqualTo(Refusal.BLOCKED);
    assertThat(f.topUp(id, 1).refusal()).isEqualTo(Refusal.BLOCKED);
    assertThat(f.activate(id, 1))
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.BLOCKED));
    assertThat(f.reverse(id, 100))
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.BLOCKED));
    assertThat(f.account(id).state()).isEqualTo(AccountState.BLOCKED);
    assertThat(f.account(id).posted()).isEqualTo(100);
  }

  /** No debit takes an ID below zero; the exact balance can be spent. */
  @Test
  default void noOverdraft() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);

    CommandResult over = f.debit(id, 101);
    assertThat(over.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.debit(id, 0).refusal()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(f.debit(id, -5).refusal()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(f.debit(id, 100).applied()).isTrue();
    assertThat(f.account(id).posted()).isZero();
  }

  /** A reversal returns an unspent activation and issues the ID again; a spent one is refused. */
  @Test
  default void reversal() {
    LedgerFixture f = tck();
    AccountId fresh = f.activeId(100);
    AccountId spent = f.activeId(100);
    f.debit(spent, 30);

    List<CommandResult> undone = f.reverse(fresh, 100);
    List<CommandResult> refused = f.reverse(spent, 100);

    assertThat(undone).allSatisfy(r -> assertThat(r.applied()).isTrue());
    assertThat(f.account(fresh).state()).isEqualTo(AccountState.ISSUED);
    assertThat(f.account(fresh).posted()).isZero();
    assertThat(refused)
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE));
    assertThat(f.account(spent).posted()).isEqualTo(70);
    assertThat(f.activate(fresh, 20)).allSatisfy(r -> assertThat(r.applied()).isTrue());
  }
}
