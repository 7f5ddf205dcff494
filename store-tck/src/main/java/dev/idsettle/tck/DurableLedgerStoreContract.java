package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store that keeps the ledger across a restart: {@link
 * ConcurrentLedgerStoreContract} plus tests that close the store, open it again on the same
 * storage, and find everything committed.
 */
public abstract class DurableLedgerStoreContract extends ConcurrentLedgerStoreContract {

  /** Closes {@code old} and opens a store on the same storage. */
  protected abstract LedgerStore reopen(LedgerStore old);

  /** Accounts, transfers, refusals and open holds survive a reopen, and the ledger goes on. */
  @Test
  void committedLedgerSurvivesReopen() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId debit = TransferId.random();
    TransferId refused = TransferId.random();
    TransferId hold = TransferId.random();
    f.submit(Commands.debit(debit, id, f.revenue(), 30));
    f.submit(Commands.debit(refused, id, f.revenue(), 500));
    f.hold(hold, id, 20, Duration.ofMinutes(5));
    List<Account> accounts = f.accounts().stream().map(f::account).toList();
    List<Transfer> journal = Invariants.transfersOf(f.store(), id);
    Account before = f.account(id);

    f.reopen(reopen(f.store()));

    assertThat(f.accounts().stream().map(f::account).toList()).isEqualTo(accounts);
    assertThat(Invariants.transfersOf(f.store(), id)).isEqualTo(journal);
    assertThat(LedgerFixture.byHash(f.store(), java.util.Objects.requireNonNull(before.idHash())))
        .contains(before);
    assertThat(f.violations()).isEmpty();
    assertThat(f.submit(Commands.debit(refused, id, f.revenue(), 500)).refusal())
        .isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.submit(Commands.debit(debit, id, f.revenue(), 30)).replayed()).isTrue();
    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 20)).applied()).isTrue();
    assertThat(f.account(id).posted()).isEqualTo(50);
  }

  /** Account keys survive a reopen, found by hash and by owner. */
  @Test
  void accountKeysSurviveReopen() {
    LedgerFixture f = tck();
    AccountId owner = f.activeId(100);
    AccountKey key = new AccountKey(LedgerFixture.randomHash(), f.newId(), owner, "sub:phone");
    f.store().transact(tx -> tx.insertKeys(List.of(key)));

    f.reopen(reopen(f.store()));

    assertThat(f.store().findKeys(List.of(key.hash()))).containsEntry(key.hash(), key);
    assertThat(f.store().keysOwnedBy(owner)).containsExactly(key);
  }

  /** A timed-out hold is still found by the sweep after a reopen, and expires once. */
  @Test
  void openHoldTimesOutAfterReopen() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 60, Duration.ofMinutes(5));

    f.reopen(reopen(f.store()));
    f.clock().advance(Duration.ofMinutes(5));

    assertThat(f.debit(id, 100).applied()).isTrue();
    assertThat(f.ledger().transfer(hold).map(Transfer::holdState)).contains(HoldState.EXPIRED);
  }

  /** The scenario's ledger reconciles after a reopen too. */
  @Test
  void concurrentLedgerReconcilesAfterReopen() {
    ConcurrencyScenario.Report report =
        ConcurrencyScenario.run(
            tck().store(), new ConcurrencyScenario.Settings(4, 3, 50, System.nanoTime()));
    assertThat(report.violations()).isEmpty();

    tck().reopen(reopen(tck().store()));

    assertThat(Invariants.violations(tck().store(), report.accounts())).isEmpty();
  }
}
