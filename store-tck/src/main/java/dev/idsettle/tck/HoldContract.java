package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Holds: reserve, capture, void, timeout. Part of {@link LedgerStoreContract}. */
public interface HoldContract extends ContractTest {

  /** How long the holds of these tests live. */
  Duration TIMEOUT = Duration.ofMinutes(5);

  /** A hold reserves value: posted stays, available drops, debits see only what is left. */
  @Test
  default void holdReserves() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);

    assertThat(f.hold(TransferId.random(), id, 30, TIMEOUT).applied()).isTrue();
    Account held = f.account(id);
    assertThat(held.posted()).isEqualTo(100);
    assertThat(held.reserved()).isEqualTo(30);
    assertThat(f.debit(id, 80).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.hold(TransferId.random(), id, 71, TIMEOUT).refusal())
        .isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(f.debit(id, 70).applied()).isTrue();
    assertThat(f.account(id).available()).isZero();
  }

  /** A full capture moves the held amount. */
  @Test
  default void captureFull() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 30, TIMEOUT);

    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 30)).applied()).isTrue();

    assertThat(f.account(id).posted()).isEqualTo(70);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.account(f.revenue()).posted()).isEqualTo(30);
    assertThat(holdState(f, hold)).isEqualTo(HoldState.CAPTURED);
  }

  /** A partial capture moves part and releases the rest; more than held is refused. */
  @Test
  default void capturePartial() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 30, TIMEOUT);

    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 31)).refusal())
        .isEqualTo(Refusal.CAPTURE_EXCEEDS_HOLD);
    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 10)).applied()).isTrue();

    assertThat(f.account(id).posted()).isEqualTo(90);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.account(f.revenue()).posted()).isEqualTo(10);
  }

  /** A void releases the hold; the hold is resolved once, so a later capture or void is refused. */
  @Test
  default void voidReleasesAndResolvesOnce() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 30, TIMEOUT);

    assertThat(f.submit(Commands.voidHold(TransferId.random(), hold)).applied()).isTrue();
    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 30)).refusal())
        .isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
    assertThat(f.submit(Commands.voidHold(TransferId.random(), hold)).refusal())
        .isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
    assertThat(f.submit(Commands.voidHold(TransferId.random(), TransferId.random())).refusal())
        .isEqualTo(Refusal.HOLD_NOT_FOUND);

    assertThat(f.account(id).posted()).isEqualTo(100);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(holdState(f, hold)).isEqualTo(HoldState.VOIDED);
  }

  /** Past its timeout a hold no longer reserves: the next debit sees the value released. */
  @Test
  default void timedOutHoldIsReleasedAtNextDebit() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 100, TIMEOUT);
    assertThat(f.debit(id, 1).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    f.clock().advance(TIMEOUT.minusSeconds(1));
    assertThat(f.debit(id, 1).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);

    f.clock().advance(Duration.ofSeconds(1));

    assertThat(f.debit(id, 100).applied()).isTrue();
    assertThat(holdState(f, hold)).isEqualTo(HoldState.EXPIRED);
    assertThat(f.submit(Commands.capture(TransferId.random(), hold, 10)).refusal())
        .isEqualTo(Refusal.HOLD_EXPIRED);
    assertThat(expiriesOf(f, id, hold)).isEqualTo(1);
  }

  /** The sweep resolves a timed-out hold exactly once, however often it runs. */
  @Test
  default void sweepExpiresOnce() {
    LedgerFixture f = tck();
    AccountId id = f.activeId(100);
    TransferId hold = TransferId.random();
    f.hold(hold, id, 40, TIMEOUT);
    sweep(f);
    assertThat(holdState(f, hold)).as("not due yet").isEqualTo(HoldState.OPEN);
    f.clock().advance(TIMEOUT);

    assertThat(sweep(f)).isPositive();
    sweep(f);

    assertThat(holdState(f, hold)).isEqualTo(HoldState.EXPIRED);
    assertThat(f.account(id).reserved()).isZero();
    assertThat(f.account(id).posted()).isEqualTo(100);
    assertThat(expiriesOf(f, id, hold)).isEqualTo(1);
  }

  /** Sweeps running at once resolve each timed-out hold exactly once. */
  @Test
  default void concurrentSweepsExpireOnce() throws Exception {
    LedgerFixture f = tck();
    List<TransferId> holds = new ArrayList<>();
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      AccountId id = f.activeId(100);
      ids.add(id);
      for (int h = 0; h < 3; h++) {
        TransferId hold = TransferId.random();
        f.hold(hold, id, 10, TIMEOUT);
        holds.add(hold);
      }
    }
    f.clock().advance(TIMEOUT);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> sweeps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sweeps.add(pool.submit(() -> sweep(f)));
      }
      for (Future<Integer> s : sweeps) {
        s.get();
      }
    } finally {
      pool.shutdownNow();
    }

    for (int i = 0; i < holds.size(); i++) {
      AccountId id = ids.get(i / 3);
      assertThat(holdState(f, holds.get(i))).isEqualTo(HoldState.EXPIRED);
      assertThat(expiriesOf(f, id, holds.get(i))).isEqualTo(1);
    }
    assertThat(ids).allSatisfy(id -> assertThat(f.account(id).reserved()).isZero());
  }

  private static int sweep(LedgerFixture f) {
    // other tests' holds may be due too in a shared database: sweep until nothing is left
    int total = 0;
    for (int i = 0; i < 100; i++) {
      int n = f.ledger().expireHolds(1000);
      if (n == 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static HoldState holdState(LedgerFixture f, TransferId hold) {
    return f.ledger().transfer(hold).map(Transfer::holdState).orElseThrow();
  }

  private static long expiriesOf(LedgerFixture f, AccountId id, TransferId hold) {
    return Invariants.transfersOf(f.store(), id).stream()
        .filter(t -> t.kind() == TransferKind.EXPIRE && hold.equals(t.pendingId()))
        .count();
  }
}
