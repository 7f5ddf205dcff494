package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL layer exercised through the ledger core; one subclass per database. */
abstract class JdbcStoreContractBase {
  /** A start with nanoseconds, which PostgreSQL timestamps would round. */
  static final Instant START = Instant.parse("2026-03-01T10:15:30.123456789Z");

  final MutableClock clock = MutableClock.at(START);
  JdbcStore store;
  Ledger ledger;
  Fixture f;

  abstract JdbcStore store();

  @BeforeEach
  void setUp() {
    store = store();
    ledger = Ledger.builder(store).clock(clock).build();
    f = new Fixture(ledger);
  }

  @Test
  void activationDebitsAndRecordedRefusal() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    LedgerCommand ok = f.debit(id, 300);
    LedgerCommand tooMuch = f.debit(id, 800);
    List<CommandResult> results = ledger.submit(LedgerBatch.create().add(ok).add(tooMuch));

    assertThat(results.get(0).applied()).isTrue();
    assertThat(results.get(1).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(700);
    assertThat(ledger.account(f.revenue).orElseThrow().posted()).isEqualTo(300);
    Transfer refused =
        ledger.transfer(((LedgerCommand.TransferCommand) tooMuch).id()).orElseThrow();
    assertThat(refused.refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
  }

  /** Several accounts are read in one call, the ones that exist by id, the others absent. */
  @Test
  void readsTheAccountsThatExistInOneCall() {
    List<AccountId> ids = f.activeIds(3, 50);
    AccountId missing = AccountId.random();
    List<AccountId> asked = List.of(ids.get(0), missing, ids.get(2), f.revenue, ids.get(0));
    Map<AccountId, Account> found = ledger.accounts(asked);
    assertThat(found).containsOnlyKeys(ids.get(0), ids.get(2), f.revenue);
    assertThat(found.get(ids.get(2))).isEqualTo(ledger.account(ids.get(2)).orElseThrow());
    assertThat(ledger.accounts(List.of())).isEmpty();
    assertThat(ledger.accounts(List.of(missing))).isEmpty();
  }

  /**
   * A ledger whose believed image of an account is stale (another store instance, as another
   * process would, changed it) neither overwrites the newer row nor answers from the old one.
   */
  @Test
  void aStaleBelievedImageNeverOverwritesANewerRow() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    Ledger elsewhere = Ledger.builder(store()).clock(clock).build();
    for (int round = 0; round < 3; round++) {
      assertThat(ledger.submit(LedgerBatch.create().add(f.debit(id, 1))).get(0).applied()).isTrue();
      assertThat(elsewhere.submit(LedgerBatch.create().add(f.debit(id, 10))).get(0).applied())
          .isTrue();
    }
    CommandResult last = ledger.submit(LedgerBatch.create().add(f.debit(id, 100))).get(0);

    assertThat(last.applied()).isTrue();
    assertThat(Objects.requireNonNull(last.debitAfter()).posted()).isEqualTo(867);
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(867);
    assertThat(ledger.account(f.revenue).orElseThrow().posted()).isEqualTo(133);
  }

  @Test
  void replayReturnsTheOriginalResultAndMovesNothingTwice() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    LedgerCommand debit = f.debit(id, 250);
    CommandResult first = ledger.submit(LedgerBatch.create().add(debit)).get(0);
    CommandResult again = ledger.submit(LedgerBatch.create().add(debit)).get(0);

    assertThat(again.replayed()).isTrue();
    assertThat(again.transfer()).isEqualTo(first.transfer());
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(750);
  }

  @Test
  void instantsRoundTripToTheNanosecond() {
    AccountId id = f.activeIds(1, 100).get(0);
    LedgerCommand debit = f.debit(id, 1);
    Transfer written =
        Objects.requireNonNull(ledger.submit(LedgerBatch.create().add(debit)).get(0).transfer());

    assertThat(written).isNotNull();
    assertThat(written.timestamp()).isEqualTo(START);
    assertThat(ledger.transfer(written.id())).contains(written);
  }

  @Test
  void holdCaptureAndVoid() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    TransferId hold1 = TransferId.random();
    TransferId hold2 = TransferId.random();
    ledger.submit(
        LedgerBatch.create()
            .add(LedgerCommand.hold(hold1, id, f.revenue, 400, Duration.ofMinutes(5), "h1"))
            .add(LedgerCommand.hold(hold2, id, f.revenue, 500, Duration.ofMinutes(5), "h2")));
    Account held = ledger.account(id).orElseThrow();
    assertThat(held.reserved()).isEqualTo(900);
    assertThat(held.available()).isEqualTo(100);

    List<CommandResult> r =
        ledger.submit(
            LedgerBatch.create()
                .add(LedgerCommand.capture(TransferId.random(), hold1, 300, "cap"))
                .add(LedgerCommand.voidHold(TransferId.random(), hold2, "void"))
                .add(LedgerCommand.voidHold(TransferId.random(), hold2, "again")));

    assertThat(r.get(0).applied()).isTrue();
    assertThat(r.get(1).applied()).isTrue();
    assertThat(r.get(2).refusal()).isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
    Account after = ledger.account(id).orElseThrow();
    assertThat(after.posted()).isEqualTo(700);
    assertThat(after.reserved()).isZero();
    assertThat(ledger.transfer(hold1).orElseThrow().holdState()).isEqualTo(HoldState.CAPTURED);
    assertThat(ledger.transfer(hold2).orElseThrow().holdState()).isEqualTo(HoldState.VOIDED);
  }

  @Test
  void sweepExpiresDueHoldsOnceThroughTheIndex() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    TransferId hold = TransferId.random();
    ledger.submit(
        LedgerBatch.create()
            .add(LedgerCommand.hold(hold, id, f.revenue, 600, Duration.ofSeconds(30), "h")));
    assertThat(store.expiredHolds(clock.instant(), 1000))
        .extracting(Transfer::id)
        .doesNotContain(hold);

    clock.advance(Duration.ofSeconds(31));
    assertThat(store.expiredHolds(clock.instant(), 1000)).extracting(Transfer::id).contains(hold);
    int expired = 0;
    while (!store.expiredHolds(clock.instant(), 1000).isEmpty()) {
      expired += ledger.expireHolds(1000);
    }

    assertThat(expired).isPositive();
    assertThat(ledger.transfer(hold).orElseThrow().holdState()).isEqualTo(HoldState.EXPIRED);
    assertThat(ledger.account(id).orElseThrow().reserved()).isZero();
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(1_000);
  }

  @Test
  void createAccountsReportsThoseThatExistedByIdOrHash() {
    Account a = Fixture.issued();
    Account b = Fixture.issued();
    assertThat(ledger.createAccounts(List.of(a))).isEmpty();
    Account sameId = Account.issued(a.id(), Fixture.randomHash(), Fixture.EUR, a.expiry());
    Account sameHash =
        Account.issued(
            AccountId.random(), Objects.requireNonNull(b.idHash()), Fixture.EUR, a.expiry());

    Set<AccountId> existed = ledger.createAccounts(List.of(sameId, b, sameHash));

    assertThat(existed).containsExactlyInAnyOrder(a.id(), sameHash.id());
    assertThat(ledger.account(a.id())).contains(a);
    assertThat(ledger.account(b.id())).contains(b);
    assertThat(ledger.account(sameHash.id())).isEmpty();
  }

  @Test
  void findsAccountsByIdHashInOneCall() {
    Account a = Fixture.issued();
    Account b = Fixture.issued();
    ledger.createAccounts(List.of(a, b));
    IdHash unknown = Fixture.randomHash();

    Map<IdHash, Account> found =
        store.findAccountsByIdHash(List.of(a.idHash(), b.idHash(), unknown));

    assertThat(found).containsOnlyKeys(a.idHash(), b.idHash());
    assertThat(found.get(a.idHash())).isEqualTo(a);
  }

  @Test
  void transfersOfAnAccountInWrittenOrderWithPaging() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    List<TransferId> debits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      LedgerCommand.TransferCommand d = (LedgerCommand.TransferCommand) f.debit(id, 10 + i);
      debits.add(d.id());
      ledger.submit(LedgerBatch.create().add(d));
    }
    List<Transfer> all = ledger.transfers(id, 0, 100);
    assertThat(all).hasSize(6);
    assertThat(all.get(0).kind()).isEqualTo(TransferKind.POST);
    assertThat(all.get(0).credit()).isEqualTo(id);
    assertThat(all.subList(1, 6)).extracting(Transfer::id).containsExactlyElementsOf(debits);
    assertThat(ledger.transfers(id, 2, 2))
        .extracting(Transfer::id)
        .containsExactly(debits.get(1), debits.get(2));
  }

  @Test
  void overdraftIsRefusedByTheDatabaseEvenIfTheCoreWroteIt() {
    AccountId id = f.activeIds(1, 100).get(0);
    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      Account a =
                          Objects.requireNonNull(
                              tx.lock(List.of(id), List.of()).accounts().get(id));
                      Account overdrawn =
                          new Account(
                              a.id(),
                              a.kind(),
                              a.currency(),
                              a.state(),
                              -1,
                              0,
                              a.expiry(),
                              a.expiresAt(),
                              a.idHash());
                      tx.write(new Changes(List.of(overdrawn), List.of(), List.of()));
                      return true;
                    }))
        .isInstanceOf(StoreException.class)
        .isNotInstanceOf(RetryableStoreException.class)
        .hasMessageContaining("constraint");
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(100);
  }

  @Test
  void aTransferIdWrittenTwiceIsAConflictAndRollsBackEverything() {
    AccountId id = f.activeIds(1, 100).get(0);
    CommandResult done = ledger.submit(LedgerBatch.create().add(f.debit(id, 10))).get(0);
    Transfer existing = Objects.requireNonNull(done.transfer());
    assertThat(existing).isNotNull();
    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      Account a =
                          Objects.requireNonNull(
                              tx.lock(List.of(id), List.of()).accounts().get(id));
                      Account changed =
                          new Account(
                              a.id(),
                              a.kind(),
                              a.currency(),
                              a.state(),
                              0,
                              0,
                              a.expiry(),
                              a.expiresAt(),
                              a.idHash());
                      tx.write(new Changes(List.of(changed), List.of(existing), List.of()));
                      return true;
                    }))
        .isInstanceOf(RetryableStoreException.class);
    assertThat(ledger.account(id).orElseThrow().posted()).isEqualTo(90);
  }

  @Test
  void resolvingAHoldThatIsNoLongerOpenFailsTheTransaction() {
    AccountId id = f.activeIds(1, 1_000).get(0);
    TransferId hold = TransferId.random();
    ledger.submit(
        LedgerBatch.create()
            .add(LedgerCommand.hold(hold, id, f.revenue, 100, Duration.ofMinutes(1), "h")));
    ledger.submit(LedgerBatch.create().add(LedgerCommand.voidHold(TransferId.random(), hold, "v")));
    Transfer voided = ledger.transfer(hold).orElseThrow();

    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      tx.lock(List.of(id), List.of(hold));
                      tx.write(
                          new Changes(
                              List.of(),
                              List.of(),
                              List.of(voided.withHoldState(HoldState.CAPTURED))));
                      return true;
                    }))
        .isInstanceOf(RetryableStoreException.class)
        .hasMessageContaining("no longer open");
    assertThat(ledger.transfer(hold).orElseThrow().holdState()).isEqualTo(HoldState.VOIDED);
  }

  @Test
  void writingAnAccountThatWasNotLockedIsRefused() {
    AccountId id = f.activeIds(1, 100).get(0);
    Account a = ledger.account(id).orElseThrow();
    assertThatThrownBy(
            () ->
                store.transact(
                    tx -> {
                      tx.write(new Changes(List.of(a), List.of(), List.of()));
                      return true;
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("without being locked");
  }

  @Test
  void batchIssuanceOfOneHundredThousandIds() {
    List<Account> sheet = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      sheet.add(Fixture.issued());
    }
    long start = System.nanoTime();
    Set<AccountId> existed = ledger.createAccounts(sheet);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "[%s] batch issuance: 100000 IDs in %d ms (%.0f IDs/s)%n",
        store.dialect(), millis, 100_000 * 1000.0 / Math.max(1, millis));

    assertThat(existed).isEmpty();
    assertThat(ledger.account(sheet.get(99_999).id())).contains(sheet.get(99_999));
    assertThat(ledger.createAccounts(sheet.subList(0, 10))).hasSize(10);
    assertThat(millis).isLessThan(60_000);
  }
}
