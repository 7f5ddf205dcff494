package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transfer ids as idempotency keys, through the ledger. Part of {@link LedgerStoreContract}. */
public interface IdempotencyContract extends ContractTest {

  /** The same id with the same content returns the original result and changes nothing. */
  @Test
  default void replayReturnsTheOriginalResult() {
    LedgerFixture f = tck();
    AccountId id = f.newId();
    List<LedgerCommand> activation = Commands.activation(TransferId.random(), id, f.cash(), 100);
    List<CommandResult> first = f.submitLinked(activation);
    TransferId debit = TransferId.random();
    CommandResult spent = f.submit(Commands.debit(debit, id, f.revenue(), 30));

    List<CommandResult> again = f.submitLinked(activation);
    CommandResult spentAgain = f.submit(Commands.debit(debit, id, f.revenue(), 30));

    assertThat(first).allSatisfy(r -> assertThat(r.replayed()).isFalse());
    assertThat(again).allSatisfy(r -> assertThat(r.applied() && r.replayed()).isTrue());
    assertThat(spentAgain.applied()).isTrue();
    assertThat(spentAgain.replayed()).isTrue();
    assertThat(spentAgain.transfer()).isEqualTo(spent.transfer());
    assertThat(f.account(id).posted()).isEqualTo(70);
    assertThat(f.account(f.cash()).posted()).isEqualTo(-100);
    assertThat(f.account(f.revenue()).posted()).isEqualTo(30);
  }

  /**
   * A batch that mixes a replay with new transfers replays the one and applies the others once. The
   * ledger's first attempt does not read new transfer ids; the store must reject the replayed id at
   * the write and leave nothing of that attempt behind.
   */
  @Test
  default void batchMixingReplayAndNewTransfersAppliesTheNewOnesOnce() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId old = TransferId.random();
    CommandResult original = f.submit(Commands.debit(old, id, f.revenue(), 30));
    TransferId before = TransferId.random();
    TransferId after = TransferId.random();

    List<CommandResult> results =
        f.ledger()
            .submit(
                LedgerBatch.create()
                    .add(Commands.debit(before, id, f.revenue(), 10))
                    .add(Commands.debit(old, id, f.revenue(), 30))
                    .add(Commands.debit(after, id, f.revenue(), 20)));

    assertThat(results.get(0).applied()).isTrue();
    assertThat(results.get(0).replayed()).isFalse();
    assertThat(results.get(1).replayed()).isTrue();
    assertThat(results.get(1).transfer()).isEqualTo(original.transfer());
    assertThat(results.get(2).applied()).isTrue();
    assertThat(results.get(2).replayed()).isFalse();
    assertThat(f.account(id).posted()).isEqualTo(40);
    assertThat(f.account(f.revenue()).posted()).isEqualTo(60);
    assertThat(f.ledger().transfers(id, 0, 10)).hasSize(4);
  }

  /** The same id with other content is refused as reused, and nothing changes. */
  @Test
  default void reusedIdWithOtherContentIsRefused() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    AccountId other = f.activeId(100);
    TransferId debit = TransferId.random();
    f.submit(Commands.debit(debit, id, f.revenue(), 30));
    Transfer original = f.ledger().transfer(debit).orElseThrow();

    CommandResult otherAmount = f.submit(Commands.debit(debit, id, f.revenue(), 40));
    CommandResult otherAccount = f.submit(Commands.debit(debit, other, f.revenue(), 30));
    CommandResult otherKind = f.hold(debit, id, 30, Duration.ofMinutes(1));

    assertThat(List.of(otherAmount, otherAccount, otherKind))
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.ID_REUSED));
    assertThat(f.ledger().transfer(debit)).contains(original);
    assertThat(f.account(id).posted()).isEqualTo(70);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.account(other).posted()).isEqualTo(100);
  }

  /** A debit refused for lack of funds stays refused when retried after a top-up. */
  @Test
  default void refusalForFundsStaysRefusedAfterTopUp() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(50);
    TransferId debit = TransferId.random();
    CommandResult refused = f.submit(Commands.debit(debit, id, f.revenue(), 80));
    f.topUp(id, 100);

    CommandResult retried = f.submit(Commands.debit(debit, id, f.revenue(), 80));

    assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(retried.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(retried.replayed()).isTrue();
    assertThat(f.account(id).posted()).isEqualTo(150);
  }

  /** A refused activation stays refused under its id, even once the ID could be activated. */
  @Test
  default void refusedActivationStaysRefused() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    List<LedgerCommand> second = Commands.activation(TransferId.random(), id, f.cash(), 20);
    List<CommandResult> refused = f.submitLinked(second);
    f.reverse(id, 100);

    List<CommandResult> retried = f.submitLinked(second);

    assertThat(refused).allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.ALREADY_ACTIVE));
    assertThat(retried).allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.ALREADY_ACTIVE));
    assertThat(f.account(id).state()).isEqualTo(AccountState.ISSUED);
    assertThat(f.account(id).posted()).isZero();
  }

  /** The same id twice in one batch applies once; the second is its replay. */
  @Test
  default void sameIdTwiceInOneBatchAppliesOnce() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    LedgerCommand debit = Commands.debit(TransferId.random(), id, f.revenue(), 30);

    List<CommandResult> results = f.submit(LedgerBatch.create().add(debit).add(debit));

    assertThat(results.get(0).replayed()).isFalse();
    assertThat(results.get(1).replayed()).isTrue();
    assertThat(results).allSatisfy(r -> assertThat(r.applied()).isTrue());
    assertThat(f.account(id).posted()).isEqualTo(70);
  }

  /** A hold resubmitted under its id with another timeout is other content, so it is refused. */
  @Test
  default void holdWithOtherTimeoutIsReusedId() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 30, Duration.ofMinutes(5));

    CommandResult again = f.hold(hold, id, 30, Duration.ofMinutes(50));

    assertThat(again.refusal()).isEqualTo(Refusal.ID_REUSED);
  }

  /** A refused linked group that includes a tombstone gets the same refusal when retried. */
  @Test
  default void refusedGroupWithTombstoneStaysRefusedForItsReason() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    List<LedgerCommand> group =
        List.of(
            new LedgerCommand.Tombstone(TransferId.random(), id, f.cash(), "bar"),
            Commands.debit(TransferId.random(), id, f.revenue(), 500));
    f.submitLinked(group);

    List<CommandResult> retried = f.submitLinked(group);

    assertThat(retried)
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE));
  }
}
