package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.LedgerTx;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.LedgerTx.Locked;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;

/** Every SPI method called directly. Part of {@link LedgerStoreContract}. */
public interface SpiContract extends ContractTest {

  /** {@code lock} returns the accounts and transfers that exist, and only those. */
  @Test
  default void lockReturnsOnlyExistingAccountsAndTransfers() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId debit = TransferId.random();
    f.submit(Commands.debit(debit, id, f.revenue(), 10));
    AccountId missing = AccountId.random();
    TransferId unknown = TransferId.random();

    Locked locked =
        f.store()
            .transact(tx -> tx.lock(List.of(id, f.revenue(), missing), List.of(debit, unknown)));

    assertThat(locked.accounts()).containsOnlyKeys(id, f.revenue());
    assertThat(locked.accounts().get(id)).isEqualTo(f.account(id));
    assertThat(locked.transfers()).containsOnlyKeys(debit);
    Map<TransferId, Transfer> found =
        f.store().transact(tx -> tx.findTransfers(List.of(debit, unknown)));
    assertThat(found).containsOnlyKeys(debit);
  }

  /**
   * {@code insertAccounts} skips accounts existing by id or by ID hash and leaves them as they are.
   */
  @Test
  default void insertAccountsReportsExistingByIdAndByIdHash() {
    LedgerStore store = tck().store();
    IdHash hash = LedgerFixture.randomHash();
    AccountId first = AccountId.random();
    Account original = Account.issued(first, hash, LedgerFixture.EUR, ExpiryPolicy.never());
    Set<AccountId> none = store.transact(tx -> tx.insertAccounts(List.of(original)));
    assertThat(none).isEmpty();

    AccountId sameHash = AccountId.random();
    AccountId fresh = AccountId.random();
    List<Account> again =
        List.of(
            Account.issued(
                first,
                LedgerFixture.randomHash(),
                LedgerFixture.EUR,
                ExpiryPolicy.at(LedgerStoreContract.START)),
            Account.issued(sameHash, hash, LedgerFixture.EUR, ExpiryPolicy.never()),
            Account.operator(fresh, LedgerFixture.EUR));
    Set<AccountId> existed = store.transact(tx -> tx.insertAccounts(again));

    assertThat(existed).containsExactlyInAnyOrder(first, sameHash);
    assertThat(store.findAccount(first)).contains(original);
    assertThat(store.findAccount(sameHash)).isEmpty();
    assertThat(store.findAccount(fresh)).contains(Account.operator(fresh, LedgerFixture.EUR));
    assertThat(LedgerFixture.byHash(store, hash)).contains(original);
  }

  /** {@code findAccountsByIdHash} finds ID accounts by their hashes; unknown hashes are absent. */
  @Test
  default void findAccountsByIdHash() {
    LedgerStore store = tck().store();
    IdHash one = LedgerFixture.randomHash();
    IdHash two = LedgerFixture.randomHash();
    IdHash unknown = LedgerFixture.randomHash();
    Account first =
        Account.issued(AccountId.random(), one, LedgerFixture.EUR, ExpiryPolicy.afterFirstUse(7));
    Account second =
        Account.issued(AccountId.random(), two, LedgerFixture.EUR, ExpiryPolicy.never());
    store.transact(tx -> tx.insertAccounts(List.of(first, second)));

    assertThat(store.findAccountsByIdHash(List.of(IdHash.of(one.toBytes()), two, unknown)))
        .containsOnly(Map.entry(one, first), Map.entry(two, second));
    assertThat(store.findAccountsByIdHash(List.of(unknown))).isEmpty();
    assertThat(store.findAccountsByIdHash(List.of())).isEmpty();
    assertThat(store.findAccount(AccountId.random())).isEmpty();
  }

  /** What {@code write} writes reads back equal, from every read method. */
  @Test
  default void writeThenReadBack() {
    LedgerStore store = tck().store();
    AccountId a = AccountId.random();
    AccountId b = AccountId.random();
    store.transact(
        tx ->
            tx.insertAccounts(
                List.of(
                    Account.operator(a, LedgerFixture.EUR),
                    Account.operator(b, LedgerFixture.EUR))));
    Instant at = LedgerStoreContract.START;
    Transfer post =
        new Transfer(
            TransferId.random(),
            a,
            b,
            5,
            TransferKind.POST,
            null,
            null,
            HoldState.NONE,
            null,
            "t",
            at);
    Account a2 =
        new Account(
            a,
            AccountKind.OPERATOR,
            LedgerFixture.EUR,
            AccountState.OPEN,
            -5,
            0,
            ExpiryPolicy.never(),
            null,
            null);
    Account b2 =
        new Account(
            b,
            AccountKind.OPERATOR,
            LedgerFixture.EUR,
            AccountState.OPEN,
            5,
            0,
            ExpiryPolicy.never(),
            null,
            null);

    store.transact(
        tx -> {
          tx.lock(List.of(a, b), List.of(post.id()));
          tx.write(new Changes(List.of(a2, b2), List.of(post), List.of()));
          return Boolean.TRUE;
        });

    assertThat(store.findAccount(a)).contains(a2);
    assertThat(store.findAccount(b)).contains(b2);
    assertThat(store.transfersOf(a, 0, 10)).containsExactly(post);
    assertThat(store.transfersOf(b, 0, 10)).containsExactly(post);
    Map<TransferId, Transfer> read = store.transact(tx -> tx.findTransfers(List.of(post.id())));
    assertThat(read).containsEntry(post.id(), post);
    assertThat(Invariants.violations(store, List.of(a, b))).isEmpty();
  }

  /** An ID account carrying an expiry, an ID hash and a refused transfer reads back equal. */
  @Test
  default void everyFieldReadsBack() {
    LedgerFixture f = tck();
    AccountId id = f.newId(ExpiryPolicy.afterActivation(30));
    f.activate(id, 50);
    TransferId refused = TransferId.random();
    f.submit(Commands.debit(refused, id, f.revenue(), 80));
    Account account = f.account(id);

    assertThat(account.expiresAt()).isEqualTo(LedgerStoreContract.START.plus(Duration.ofDays(30)));
    assertThat(account.idHash()).isNotNull();
    assertThat(LedgerFixture.byHash(f.store(), Objects.requireNonNull(account.idHash())))
        .contains(account);
    Transfer stored = f.ledger().transfer(refused).orElseThrow();
    assertThat(stored.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.store().transfersOf(id, 0, 10)).last().isEqualTo(stored);
  }

  /** {@code transfersOf} pages through an account's transfers in the order they were written. */
  @Test
  default void transfersOfPagesInWriteOrder() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(1000);
    List<TransferId> written = new ArrayList<>();
    written.add(f.store().transfersOf(id, 0, 1).get(0).id());
    for (int i = 1; i <= 7; i++) {
      TransferId t = TransferId.random();
      f.submit(Commands.debit(t, id, f.revenue(), i));
      written.add(t);
    }

    List<TransferId> paged = new ArrayList<>();
    for (int offset = 0; offset < 12; offset += 3) {
      f.store().transfersOf(id, offset, 3).forEach(t -> paged.add(t.id()));
    }

    assertThat(paged).containsExactlyElementsOf(written);
    assertThat(f.store().transfersOf(id, 8, 5)).isEmpty();
    assertThat(f.store().transfersOf(id, 0, 0)).isEmpty();
    assertThat(f.store().transfersOf(AccountId.random(), 0, 5)).isEmpty();
  }

  /** {@code expiredHolds} returns open holds due at {@code now}, at most {@code limit} of them. */
  @Test
  default void expiredHoldsReturnsDueOpenHolds() {
    LedgerFixture f = tck();
    // a time of its own, far before every other test's, so that their holds are not due
    Instant past =
        Instant.parse("1971-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextLong(10_000_000L) * 60);
    f.clock().set(past);
    AccountId id = f.activeId(100);
    TransferId soon = TransferId.random();
    TransferId late = TransferId.random();
    TransferId voided = TransferId.random();
    f.hold(soon, id, 10, Duration.ofMinutes(1));
    f.hold(late, id, 10, Duration.ofMinutes(10));
    f.hold(voided, id, 10, Duration.ofMinutes(1));
    f.submit(Commands.voidHold(TransferId.random(), voided));
    Instant now = past.plus(Duration.ofMinutes(5));

    List<Transfer> due = f.store().expiredHolds(now, 1000);
    assertThat(due).extracting(Transfer::id).contains(soon).doesNotContain(late, voided);
    assertThat(due)
        .allSatisfy(
            t -> {
              assertThat(t.kind()).isEqualTo(TransferKind.HOLD);
              assertThat(t.holdState()).isEqualTo(HoldState.OPEN);
              assertThat(t.timeout()).isBeforeOrEqualTo(now);
            });
    assertThat(f.store().expiredHolds(now, 1)).hasSize(1);
    List<Transfer> dueOfId = f.store().transact(tx -> tx.expiredHolds(List.of(id), now));
    assertThat(dueOfId).extracting(Transfer::id).containsExactly(soon);
    List<Transfer> dueOfRevenue =
        f.store().transact(tx -> tx.expiredHolds(List.of(f.revenue()), now));
    assertThat(dueOfRevenue).isEmpty();

    f.clock().set(now);
    f.submit(Commands.voidHold(TransferId.random(), soon));
    f.submit(Commands.voidHold(TransferId.random(), late));
  }

  /** Writing a transfer id that exists fails as retryable, and commits nothing of that write. */
  @Test
  default void writingAnExistingTransferIdIsRetryable() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId debit = TransferId.random();
    f.submit(Commands.debit(debit, id, f.revenue(), 10));
    Account before = f.account(id);
    Transfer existing = f.ledger().transfer(debit).orElseThrow();
    Account changed =
        new Account(
            id,
            before.kind(),
            before.currency(),
            before.state(),
            before.posted() - 1,
            before.reserved(),
            before.expiry(),
            before.expiresAt(),
            before.idHash());

    assertThatThrownBy(
            () ->
                f.store()
                    .transact(
                        tx -> {
                          tx.lock(List.of(id), List.of(debit));
                          tx.write(new Changes(List.of(changed), List.of(existing), List.of()));
                          return Boolean.TRUE;
                        }))
        .isInstanceOf(RetryableStoreException.class);
    assertThat(f.account(id)).isEqualTo(before);
  }

  /** The store's backstop: an ID account image with a negative available balance is not written. */
  @Test
  default void writeRefusesAnOverdrawnIdAccount() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    Account before = f.account(id);
    Account overdrawn =
        new Account(
            id,
            before.kind(),
            before.currency(),
            before.state(),
            100,
            101,
            before.expiry(),
            before.expiresAt(),
            before.idHash());

    assertThatThrownBy(
            () ->
                f.store()
                    .transact(
                        tx -> {
                          tx.lock(List.of(id), List.of());
                          tx.write(new Changes(List.of(overdrawn), List.of(), List.of()));
                          return Boolean.TRUE;
                        }))
        .isInstanceOf(StoreException.class);
    assertThat(f.account(id)).isEqualTo(before);
  }

  /** Work that throws rolls back everything it did in its transaction. */
  @Test
  default void rolledBackTransactionLeavesNothing() {
    debitThenFail(tck(), false);
  }

  /**
   * A work that fails after its {@link LedgerTx#writeLast} (which it must not) leaves nothing, or
   * is reported as perhaps committed: never as a plain failure over committed changes.
   */
  @Test
  default void aWorkFailingAfterItsLastWriteIsNeverReportedAsRolledBack() {
    debitThenFail(tck(), true);
  }

  /**
   * Inserts an account, debits an ID and fails; checks that nothing stayed, unless {@code last}
   * (the write was {@link LedgerTx#writeLast}) and the store says the outcome is unknown.
   */
  private void debitThenFail(LedgerFixture f, boolean last) {
    AccountId id = f.activeId(100);
    Account before = f.account(id);
    AccountId fresh = AccountId.random();
    IdHash hash = LedgerFixture.randomHash();
    Transfer post =
        new Transfer(
            TransferId.random(),
            id,
            f.revenue(),
            30,
            TransferKind.POST,
            null,
            null,
            HoldState.NONE,
            null,
            "t",
            LedgerStoreContract.START);
    Account debited =
        new Account(
            id,
            before.kind(),
            before.currency(),
            before.state(),
            70,
            0,
            before.expiry(),
            before.expiresAt(),
            before.idHash());
    Account revenue = f.account(f.revenue());
    Account credited =
        new Account(
            revenue.id(),
            revenue.kind(),
            revenue.currency(),
            revenue.state(),
            revenue.posted() + 30,
            0,
            revenue.expiry(),
            null,
            null);
    IllegalStateException boom = new IllegalStateException("work failed");

    Throwable thrown =
        catchThrowable(
            () ->
                f.store()
                    .transact(
                        tx -> {
                          tx.insertAccounts(
                              List.of(
                                  Account.issued(
                                      fresh, hash, LedgerFixture.EUR, ExpiryPolicy.never())));
                          tx.lock(List.of(id, f.revenue()), List.of(post.id()));
                          Changes changes =
                              new Changes(List.of(debited, credited), List.of(post), List.of());
                          if (last) {
                            tx.writeLast(changes);
                          } else {
                            tx.write(changes);
                          }
                          throw boom;
                        }));

    assertThat(thrown).isNotNull();
    assertThat(thrown == boom || Throwables.getRootCause(thrown) == boom)
        .as("transact throws the work's exception (or wraps it): %s", thrown)
        .isTrue();
    if (last && thrown instanceof StoreException e && e.mayHaveCommitted()) {
      return;
    }
    assertThat(f.store().findAccount(fresh)).isEmpty();
    assertThat(LedgerFixture.byHash(f.store(), hash)).isEmpty();
    assertThat(f.account(id)).isEqualTo(before);
    assertThat(f.account(f.revenue())).isEqualTo(revenue);
    assertThat(f.ledger().transfer(post.id())).isEmpty();
  }
}
