package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Batches: linked groups atomic, independent commands on their own. Part of {@link
 * LedgerStoreContract}.
 */
public interface BatchContract extends ContractTest {

  /** One refused command of a linked group: none of the group applies, all carry its reason. */
  @Test
  default void linkedGroupAppliesAllOrNothing() {
    LedgerFixture f = tck();
    AccountId one = f.activeId(100);
    AccountId two = f.activeId(100);
    TransferId a = TransferId.random();
    TransferId b = TransferId.random();
    TransferId c = TransferId.random();

    List<CommandResult> results =
        f.submit(
            LedgerBatch.create()
                .addLinked(
                    Commands.debit(a, one, f.revenue(), 60),
                    Commands.debit(b, two, f.revenue(), 60),
                    Commands.debit(c, one, f.revenue(), 60)));

    assertThat(results)
        .allSatisfy(r -> assertThat(r.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE));
    assertThat(f.account(one).posted()).isEqualTo(100);
    assertThat(f.account(two).posted()).isEqualTo(100);
    assertThat(f.account(f.revenue()).posted()).isZero();
    for (TransferId t : List.of(a, b, c)) {
      assertThat(f.ledger().transfer(t).orElseThrow().moves()).isFalse();
    }
  }

  /** Independent debits of one ID in one batch are judged each on its own, in order. */
  @Test
  default void independentCommandsAreJudgedInOrder() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    LedgerBatch batch = LedgerBatch.create();
    for (long amount : new long[] {40, 40, 40, 10, 20, 10}) {
      batch.add(Commands.debit(TransferId.random(), id, f.revenue(), amount));
    }

    List<CommandResult> results = f.submit(batch);

    assertThat(results)
        .extracting(CommandResult::refusal)
        .containsExactly(
            null, null, Refusal.INSUFFICIENT_BALANCE, null, Refusal.INSUFFICIENT_BALANCE, null);
    assertThat(results)
        .extracting(r -> Objects.requireNonNull(r.debitAfter()).posted())
        .containsExactly(60L, 20L, 20L, 10L, 10L, 0L);
    assertThat(f.account(id).posted()).isZero();
    assertThat(f.account(f.revenue()).posted()).isEqualTo(100);
  }

  /** A refused linked group does not affect the independent commands around it. */
  @Test
  default void refusedGroupLeavesIndependentCommandsAlone() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);

    List<CommandResult> results =
        f.submit(
            LedgerBatch.create()
                .add(Commands.debit(TransferId.random(), id, f.revenue(), 10))
                .addLinked(
                    Commands.debit(TransferId.random(), id, f.revenue(), 10),
                    Commands.debit(TransferId.random(), id, f.revenue(), 500))
                .add(Commands.debit(TransferId.random(), id, f.revenue(), 20)));

    assertThat(results)
        .extracting(CommandResult::refusal)
        .containsExactly(null, Refusal.INSUFFICIENT_BALANCE, Refusal.INSUFFICIENT_BALANCE, null);
    assertThat(f.account(id).posted()).isEqualTo(70);
  }
}
