package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rules through its public API, each rule, each refusal and each edge, on the simplest
 * correct store: the exact-balance debit, a hold due at the exact instant of its timeout, an ID
 * expiring at the exact instant of its expiry.
 */
class LedgerRulesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final HandClock clock = new HandClock();
  private final Ledger ledger = Ledger.builder(TestOnlyMapStore.create()).clock(clock).build();
  private final AccountId cash = AccountId.random();
  private final AccountId revenue = AccountId.random();

  LedgerRulesTest() {
    ledger.createAccounts(List.of(Account.operator(cash, EUR), Account.operator(revenue, EUR)));
  }

  @Test
  void aDebitOfExactlyTheBalanceEmptiesTheIdAndOneMoreUnitIsRefused() {
    AccountId id = active(500);

    assertThat(debit(id, 501).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(debit(id, 500).applied()).isTrue();
    Account after = account(id);
    assertThat(after.posted()).isZero();
    assertThat(after.state()).isEqualTo(AccountState.EXHAUSTED);
    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.EXHAUSTED);
    assertThat(account(revenue).posted()).isEqualTo(500);
  }

  @Test
  void aTopUpRevivesAnExhaustedId() {
    AccountId id = active(10);
    debit(id, 10);

    assertThat(submit(LedgerCommand.post(TransferId.random(), cash, id, 5, "top-up")).applied())
        .isTrue();
    assertThat(account(id).state()).isEqualTo(AccountState.ACTIVE);
    assertThat(debit(id, 5).applied()).isTrue();
  }

  @Test
  void anIssuedIdIsNotActivatedAndActivatesOnce() {
    AccountId id = issued(ExpiryPolicy.never());

    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.NOT_ACTIVATED);
    assertThat(activate(id, 100)).isNull();
    assertThat(activate(id, 100)).isEqualTo(Refusal.ALREADY_ACTIVE);
    assertThat(account(id).posted()).isEqualTo(100);
  }

  @Test
  void aBlockedIdRefusesDebitsAndHolds() {
    AccountId id = active(100);
    assertThat(submit(block(id)).applied()).isTrue();

    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.BLOCKED);
    assertThat(hold(TransferId.random(), id, 1).refusal()).isEqualTo(Refusal.BLOCKED);
    assertThat(submit(block(id)).refusal()).isEqualTo(Refusal.BLOCKED);
  }

  @Test
  void malformedTransfersAreRefusedAndChangeNothing() {
    AccountId id = active(100);
    AccountId dollars = AccountId.random();
    ledger.createAccounts(List.of(Account.operator(dollars, Currency.getInstance("USD"))));

    assertThat(debit(AccountId.random(), 1).refusal()).isEqualTo(Refusal.ACCOUNT_NOT_FOUND);
    assertThat(debit(id, 0).refusal()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(debit(id, -1).refusal()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(submit(LedgerCommand.post(TransferId.random(), id, id, 1, "self")).refusal())
        .isEqualTo(Refusal.SAME_ACCOUNT);
    assertThat(submit(LedgerCommand.post(TransferId.random(), id, dollars, 1, "fx")).refusal())
        .isEqualTo(Refusal.CURRENCY_MISMATCH);
    assertThat(account(id).posted()).isEqualTo(100);
  }

  @Test
  void aCreditThatWouldOverflowIsRefused() {
    AccountId id = active(Long.MAX_VALUE - 1);

    assertThat(submit(LedgerCommand.post(TransferId.random(), cash, id, 2, "top-up")).refusal())
        .isEqualTo(Refusal.OVERFLOW);
    assertThat(account(id).posted()).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void aRetriedTransferIdReplaysAndAReusedOneIsRefused() {
    AccountId id = active(100);
    TransferId once = TransferId.random();

    CommandResult first = submit(LedgerCommand.post(once, id, revenue, 30, "debit"));
    CommandResult again = submit(LedgerCommand.post(once, id, revenue, 30, "debit"));
    CommandResult other = submit(LedgerCommand.post(once, id, revenue, 31, "debit"));

    assertThat(first.applied()).isTrue();
    assertThat(again.replayed()).isTrue();
    assertThat(again.transfer()).isEqualTo(first.transfer());
    assertThat(other.refusal()).isEqualTo(Refusal.ID_REUSED);
    assertThat(account(id).posted()).isEqualTo(70);
  }

  @Test
  void aHoldReservesAndItsCaptureMovesAtMostTheHeldAmount() {
    AccountId id = active(100);
    TransferId h = TransferId.random();

    assertThat(hold(h, id, 60).applied()).isTrue();
    assertThat(account(id).available()).isEqualTo(40);
    assertThat(debit(id, 41).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(capture(h, 61).refusal()).isEqualTo(Refusal.CAPTURE_EXCEEDS_HOLD);
    assertThat(capture(h, 25).applied()).isTrue();
    assertThat(account(id).posted()).isEqualTo(75);
    assertThat(account(id).reserved()).isZero();
    assertThat(capture(h, 1).refusal()).isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
    assertThat(voidHold(h).refusal()).isEqualTo(Refusal.HOLD_ALREADY_RESOLVED);
    assertThat(voidHold(TransferId.random()).refusal()).isEqualTo(Refusal.HOLD_NOT_FOUND);
  }

  @Test
  void aHoldCanBeCapturedUntilJustBeforeItsTimeoutAndNotAtIt() {
    AccountId id = active(100);
    TransferId early = TransferId.random();
    TransferId due = TransferId.random();
    hold(early, id, 10);
    hold(due, id, 20);

    clock.advance(TIMEOUT.minusNanos(1));
    assertThat(capture(early, 10).applied()).isTrue();
    clock.advance(Duration.ofNanos(1));
    assertThat(capture(due, 20).refusal()).isEqualTo(Refusal.HOLD_EXPIRED);
    assertThat(ledger.transfer(due).orElseThrow().holdState()).isEqualTo(HoldState.EXPIRED);
    assertThat(account(id).reserved()).isZero();
    assertThat(account(id).posted()).isEqualTo(90);
  }

  @Test
  void theSweepExpiresHoldsDueAtTheExactInstant() {
    AccountId id = active(100);
    TransferId h = TransferId.random();
    hold(h, id, 30);

    clock.advance(TIMEOUT.minusNanos(1));
    assertThat(ledger.expireHolds(100)).isZero();
    clock.advance(Duration.ofNanos(1));
    assertThat(ledger.expireHolds(100)).isEqualTo(1);
    assertThat(ledger.transfer(h).orElseThrow().holdState()).isEqualTo(HoldState.EXPIRED);
    assertThat(account(id).available()).isEqualTo(100);
  }

  @Test
  void anIdExpiresAtTheExactInstantOfItsExpiry() {
    Instant at = START.plus(Duration.ofDays(3));
    AccountId id = issued(ExpiryPolicy.at(at));
    activate(id, 100);

    clock.set(at.minusNanos(1));
    assertThat(debit(id, 1).applied()).isTrue();
    clock.set(at);
    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(account(id).posted()).isEqualTo(99);
  }

  @Test
  void expiryAfterActivationCountsFromTheActivation() {
    AccountId id = issued(ExpiryPolicy.afterActivation(2));
    clock.advance(Duration.ofDays(5));
    activate(id, 100);

    assertThat(account(id).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
    clock.advance(Duration.ofDays(2));
    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.EXPIRED);
  }

  @Test
  void expiryAfterFirstUseStartsAtTheFirstDebit() {
    AccountId id = issued(ExpiryPolicy.afterFirstUse(1));
    activate(id, 100);
    assertThat(account(id).expiresAt()).isNull();

    clock.advance(Duration.ofDays(10));
    assertThat(debit(id, 1).applied()).isTrue();
    assertThat(account(id).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
    clock.advance(Duration.ofDays(1).minusNanos(1));
    assertThat(debit(id, 1).applied()).isTrue();
    clock.advance(Duration.ofNanos(1));
    assertThat(debit(id, 1).refusal()).isEqualTo(Refusal.EXPIRED);
  }

  @Test
  void aReversalNeedsTheWholeBalanceBackAndReturnsTheIdToIssued() {
    AccountId id = active(100);

    assertThat(reverse(id, 60)).isEqualTo(Refusal.NOT_EMPTY);
    assertThat(account(id).posted()).isEqualTo(100);
    assertThat(reverse(id, 100)).isNull();
    Account after = account(id);
    assertThat(after.state()).isEqualTo(AccountState.ISSUED);
    assertThat(after.posted()).isZero();
    assertThat(account(cash).posted()).isZero();
  }

  @Test
  void aLinkedGroupIsAppliedWholeOrNotAtAll() {
    AccountId rich = active(100);
    AccountId poor = active(5);

    List<CommandResult> results =
        ledger.submit(
            LedgerBatch.create()
                .addLinked(
                    List.of(
                        LedgerCommand.post(TransferId.random(), rich, revenue, 50, "a"),
                        LedgerCommand.post(TransferId.random(), poor, revenue, 50, "b"))));

    assertThat(results).extracting(CommandResult::applied).containsOnly(false);
    assertThat(results.get(1).refusal()).isEqualTo(Refusal.INSUFFICIENT_BALANCE);
    assertThat(account(rich).posted()).isEqualTo(100);
    assertThat(account(revenue).posted()).isZero();
  }

  private AccountId issued(ExpiryPolicy expiry) {
    AccountId id = AccountId.random();
    byte[] hash = new byte[32];
    ThreadLocalRandom.current().nextBytes(hash);
    assertThat(ledger.createAccounts(List.of(Account.issued(id, IdHash.of(hash), EUR, expiry))))
        .isEmpty();
    return id;
  }

  private AccountId active(long amount) {
    AccountId id = issued(ExpiryPolicy.never());
    assertThat(activate(id, amount)).isNull();
    return id;
  }

  private @Nullable Refusal activate(AccountId id, long amount) {
    return firstRefusal(
        List.of(
            new LedgerCommand.StateChange(
                id, Set.of(AccountState.ISSUED), AccountState.ACTIVE, false),
            LedgerCommand.post(TransferId.random(), cash, id, amount, "activate")));
  }

  private @Nullable Refusal reverse(AccountId id, long amount) {
    return firstRefusal(
        List.of(
            LedgerCommand.post(TransferId.random(), id, cash, amount, "reverse"),
            new LedgerCommand.StateChange(
                id,
                Set.of(AccountState.ACTIVE, AccountState.EXHAUSTED),
                AccountState.ISSUED,
                true)));
  }

  private @Nullable Refusal firstRefusal(List<LedgerCommand> linked) {
    for (CommandResult r : ledger.submit(LedgerBatch.create().addLinked(linked))) {
      if (r.refusal() != null) {
        return r.refusal();
      }
    }
    return null;
  }

  private static LedgerCommand block(AccountId id) {
    return new LedgerCommand.StateChange(
        id, Set.of(AccountState.ACTIVE, AccountState.EXHAUSTED), AccountState.BLOCKED, false);
  }

  private CommandResult debit(AccountId id, long amount) {
    return submit(LedgerCommand.post(TransferId.random(), id, revenue, amount, "debit"));
  }

  private CommandResult hold(TransferId h, AccountId id, long amount) {
    return submit(LedgerCommand.hold(h, id, revenue, amount, TIMEOUT, "hold"));
  }

  private CommandResult capture(TransferId h, long amount) {
    return submit(LedgerCommand.capture(TransferId.random(), h, amount, "capture"));
  }

  private CommandResult voidHold(TransferId h) {
    return submit(LedgerCommand.voidHold(TransferId.random(), h, "void"));
  }

  private CommandResult submit(LedgerCommand command) {
    return ledger.submit(LedgerBatch.create().add(command)).get(0);
  }

  private Account account(AccountId id) {
    return ledger.account(id).orElseThrow();
  }

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = START;

    void advance(Duration d) {
      now = now.plus(d);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
