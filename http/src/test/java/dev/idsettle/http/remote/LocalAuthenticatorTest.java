package dev.idsettle.http.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.http.InProcessTransport;
import dev.idsettle.http.ManagerEndpoint;
import dev.idsettle.http.Party;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import dev.idsettle.http.message.TransferPhase;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.Unknown;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The authenticator with its own store against a manager in the same JVM, with answers and requests
 * lost where each test says: every outcome the client is told is what both ledgers hold.
 */
class LocalAuthenticatorTest {
  static final Service PHONE = new Service("phone", Money.of(300, "EUR"));
  static final Party DEVICE = Party.authenticator("phone-1", "phone");

  final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T12:00:00Z"));
  final IdSettle settle =
      IdSettle.builder(MemoryStore.create()).issuerKey(key(1)).clock(clock).build();
  final SettlementManager manager = SettlementManager.over(settle);
  final ManagerTransfers transfers = ManagerTransfers.over(settle, manager, Duration.ofSeconds(30));
  final FlakyTransport wire;
  final Ledger local = Ledger.builder(MemoryStore.create()).clock(clock).build();
  final LocalAuthenticator device;
  final IdNumber id;

  LocalAuthenticatorTest() {
    manager.register(PHONE);
    ManagerEndpoint endpoint = ManagerEndpoint.of(settle, manager, transfers);
    wire = new FlakyTransport(InProcessTransport.to(endpoint, DEVICE));
    device = LocalAuthenticator.builder(local, wire, PHONE).key(key(2)).build();
    id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till-1").activate(id, eur(2000), "sale-1");
  }

  @AfterEach
  void conserved() {
    // what the manager's float says the device holds is what the device says it holds
    long atManager =
        settle.ledger().account(transfers.floatAccount("phone")).map(a -> a.posted()).orElse(0L);
    assertThat(device.holding().minor()).isEqualTo(atManager);
    long idAtManager = settle.account(id).orElseThrow().posted();
    long here = device.balance(id).map(Money::minor).orElse(0L);
    assertThat(idAtManager + here + device.revenue().minor()).isEqualTo(2000);
  }

  @Test
  void loadedValueIsSpentHereAlsoWhileTheManagerIsAwayAndGivenBack() {
    assertThat(device.load(id, eur(800), "load-1")).isInstanceOf(Activated.class);
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(1200);
    wire.down = true;
    assertThat(device.authorize(request(id, 300, "r1"))).isInstanceOf(Permit.class);
    assertThat(device.authorize(request(id, 600, "r2")))
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE));
    assertThat(device.giveBack(id, "back-1")).isInstanceOf(Unknown.class);
    wire.down = false;
    assertThat(device.recover(100)).isZero();
    assertThat(device.balance(id)).contains(eur(0));
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(1700);
    assertThat(device.giveBack(id, "back-1")).isEqualTo(new Reversed(eur(500), true));
  }

  @Test
  void theSubIdIsServedLikeTheId() {
    IdNumber sub = ((dev.idsettle.roles.SubIdIssued) device.subId(id)).subId();
    device.load(id, eur(500), "load-1");
    assertThat(device.authorize(request(sub, 200, "r1"))).isInstanceOf(Permit.class);
    assertThat(device.balance(id)).contains(eur(300));
  }

  @Test
  void aLostConfirmAnswerIsFinishedByRecoveryOnce() {
    wire.dropAnswers.add(Operation.CONFIRM);
    assertThat(device.load(id, eur(700), "load-1")).isInstanceOf(Unknown.class);
    assertThat(device.recover(100)).isEqualTo(1);
    wire.dropAnswers.clear();
    assertThat(device.recover(100)).isZero();
    assertThat(device.recover(100)).isZero();
    assertThat(device.balance(id)).contains(eur(700));
    assertThat(device.load(id, eur(700), "load-1"))
        .isInstanceOfSatisfying(Activated.class, a -> assertThat(a.replayed()).isTrue());
  }

  @Test
  void aConfirmThatNeverArrivesIsUndoneAfterTheHoldTimesOut() {
    wire.dropRequests.add(Operation.CONFIRM);
    assertThat(device.load(id, eur(700), "load-1")).isInstanceOf(Unknown.class);
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(1300);
    clock.advance(Duration.ofSeconds(31));
    wire.dropRequests.clear();
    assertThat(device.recover(100)).isZero();
    assertThat(device.balance(id)).contains(eur(0));
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(2000);
    assertThat(device.load(id, eur(700), "load-1")).isInstanceOf(Denial.class);
  }

  @Test
  void aLostReserveLeavesNothingHereAndItsHoldTimesOutThere() {
    wire.dropAnswers.add(Operation.RESERVE);
    assertThat(device.load(id, eur(700), "load-1")).isInstanceOf(Unknown.class);
    assertThat(device.recover(100)).isZero();
    wire.dropAnswers.clear();
    // the retry with the same reference finds the hold and finishes the transfer
    assertThat(device.load(id, eur(700), "load-1")).isInstanceOf(Activated.class);
    assertThat(device.balance(id)).contains(eur(700));
  }

  @Test
  void aReserveThatArrivesAfterItsCancelIsRefused() {
    TransferId t = TransferId.random();
    Answer cancelled = transfers.cancel(DEVICE, new Request.Cancel(Messages.VERSION, t));
    assertThat(((Answer.TransferState) cancelled).phase()).isEqualTo(TransferPhase.UNDONE);
    Answer late = transfers.reserve(DEVICE, new Request.Reserve(Messages.VERSION, t, id, eur(500)));
    assertThat(((Answer.TransferState) late).phase()).isEqualTo(TransferPhase.UNDONE);
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(2000);
    Answer confirmed = transfers.confirm(DEVICE, new Request.Confirm(Messages.VERSION, t));
    assertThat(((Answer.TransferState) confirmed).phase()).isEqualTo(TransferPhase.UNDONE);
  }

  @Test
  void aConfirmedTransferStaysDoneWhenCancelledAfter() {
    TransferId t = TransferId.random();
    transfers.reserve(DEVICE, new Request.Reserve(Messages.VERSION, t, id, eur(500)));
    transfers.confirm(DEVICE, new Request.Confirm(Messages.VERSION, t));
    Answer cancelled = transfers.cancel(DEVICE, new Request.Cancel(Messages.VERSION, t));
    assertThat(((Answer.TransferState) cancelled).phase()).isEqualTo(TransferPhase.DONE);
    assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(1500);
    // the device never recorded it: give it back by hand to keep the books whole for conserved()
    transfers.repay(
        DEVICE,
        new Request.Repay(
            Messages.VERSION,
            TransferId.random(),
            settle.account(id).orElseThrow().id().value(),
            eur(500)));
  }

  @Test
  void aRepayBeyondWhatTheServiceHoldsIsRefusedAtTheManager() {
    Answer repay =
        transfers.repay(
            DEVICE,
            new Request.Repay(
                Messages.VERSION,
                TransferId.random(),
                settle.account(id).orElseThrow().id().value(),
                eur(1)));
    assertThat(((Answer.TransferState) repay).phase()).isEqualTo(TransferPhase.UNDONE);
  }

  @Test
  void numbersNotServedHereAreCountedPerTerminalAndThrottled() {
    LocalAuthenticator guarded = guarded(new GuessingBudgets(3, 100, 1000, Duration.ofMinutes(15)));
    guarded.load(id, eur(500), "load-1");
    List<IdNumber> unknown = settle.issuer().issue(4, ExpiryPolicy.never()).ids();
    for (int i = 0; i < 3; i++) {
      assertThat(guarded.authorize(from("guesser", unknown.get(i), "g" + i)))
          .isEqualTo(new Denial(DenialReason.UNKNOWN_ID, null, "the ID is not served here"));
    }
    assertThat(guarded.authorize(from("guesser", unknown.get(3), "g3"))).isEqualTo(throttled());
    // spent: refused everything, a served ID too, until its window ends
    assertThat(guarded.authorize(from("guesser", id, "g4"))).isEqualTo(throttled());
    assertThat(guarded.authorize(from("kiosk-1", id, "k1"))).isInstanceOf(Permit.class);
    clock.advance(Duration.ofMinutes(15));
    assertThat(guarded.authorize(from("guesser", id, "g5"))).isInstanceOf(Permit.class);
  }

  @Test
  void aServiceBudgetSpentByOneGuesserLocksOutOnlyTerminalsThatGuessed() {
    LocalAuthenticator guarded = guarded(new GuessingBudgets(10, 3, 1000, Duration.ofMinutes(15)));
    guarded.load(id, eur(500), "load-1");
    List<IdNumber> unknown = settle.issuer().issue(3, ExpiryPolicy.never()).ids();
    for (int i = 0; i < 3; i++) {
      guarded.authorize(from("guesser", unknown.get(i), "g" + i));
    }
    assertThat(guarded.authorize(from("guesser", id, "g3"))).isEqualTo(throttled());
    assertThat(guarded.authorize(from("kiosk-1", id, "k1"))).isInstanceOf(Permit.class);
    // its first miss is refused, and from then on it is refused everything
    assertThat(guarded.authorize(from("kiosk-1", unknown.get(0), "k2"))).isEqualTo(throttled());
    assertThat(guarded.authorize(from("kiosk-1", id, "k3"))).isEqualTo(throttled());
    assertThat(guarded.giveBack(unknown.get(0), "b1")).isInstanceOf(Denial.class);
  }

  @Test
  void aRevokedSubIdIsAnsweredLikeAnUnknownNumber() {
    LocalAuthenticator guarded = guarded(new GuessingBudgets(2, 100, 1000, Duration.ofMinutes(15)));
    IdNumber sub = ((SubIdIssued) guarded.subId(id)).subId();
    guarded.load(id, eur(500), "load-1");
    assertThat(guarded.revokeSubId(sub)).isInstanceOf(Blocked.class);
    assertThat(guarded.authorize(from("guesser", sub, "g1")))
        .isEqualTo(new Denial(DenialReason.UNKNOWN_ID, null, "the ID is not served here"));
    assertThat(guarded.authorize(from("guesser", sub, "g2"))).isInstanceOf(Denial.class);
    assertThat(guarded.authorize(from("guesser", sub, "g3"))).isEqualTo(throttled());
  }

  @Test
  void aSubIdRevokedThroughTheDeviceIsServedNoMoreAndItsValueGoesBack() {
    IdNumber sub = ((SubIdIssued) device.subId(id)).subId();
    device.load(id, eur(500), "load-1");
    assertThat(device.authorize(request(sub, 200, "r1"))).isInstanceOf(Permit.class);
    assertThat(device.revokeSubId(sub)).isInstanceOf(Blocked.class);
    assertThat(device.authorize(request(sub, 100, "r2")))
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.UNKNOWN_ID));
    assertThat(device.balance(id)).contains(eur(0));
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(1800);
    // asked again (a lost answer): the manager answers it again; nothing moves twice
    assertThat(device.revokeSubId(sub)).isInstanceOf(Blocked.class);
    assertThat(settle.account(id).orElseThrow().available()).isEqualTo(1800);
    // the ID itself is served on, and a later load follows its next sub-ID
    assertThat(device.load(id, eur(300), "load-2")).isInstanceOf(Activated.class);
    IdNumber next = ((SubIdIssued) device.subId(id)).subId();
    assertThat(next).isNotEqualTo(sub);
    assertThat(device.authorize(request(next, 100, "r3"))).isInstanceOf(Permit.class);
    assertThat(device.authorize(request(sub, 100, "r4"))).isInstanceOf(Denial.class);
  }

  @Test
  void aSubIdRevokedAtTheManagerIsFollowedOnTheNextLoad() {
    IdNumber sub = ((SubIdIssued) device.subId(id)).subId();
    device.load(id, eur(500), "load-1");
    assertThat(manager.revokeSubId(sub)).isInstanceOf(Blocked.class);
    assertThat(device.load(id, eur(100), "load-2")).isInstanceOf(Activated.class);
    assertThat(device.authorize(request(sub, 100, "r1")))
        .isInstanceOfSatisfying(
            Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.UNKNOWN_ID));
    IdNumber next = ((SubIdIssued) device.subId(id)).subId();
    assertThat(device.authorize(request(next, 100, "r2"))).isInstanceOf(Permit.class);
    assertThat(device.authorize(request(id, 100, "r3"))).isInstanceOf(Permit.class);
    assertThat(device.balance(id)).contains(eur(400));
  }

  private LocalAuthenticator guarded(GuessingBudgets budgets) {
    return LocalAuthenticator.builder(local, wire, PHONE)
        .key(key(2))
        .guessingBudgets(budgets)
        .build();
  }

  private static AuthorizationRequest from(String terminal, IdNumber id, String reference) {
    return new AuthorizationRequest(id, eur(100), terminal, reference);
  }

  private static Denial throttled() {
    return LocalGuard.throttled();
  }

  static AuthorizationRequest request(IdNumber id, long minor, String reference) {
    return new AuthorizationRequest(id, eur(minor), "kiosk-1", reference);
  }

  static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  static byte[] key(long seed) {
    byte[] key = new byte[32];
    new SplittableRandom(seed).nextBytes(key);
    return key;
  }

  static final class MovingClock extends Clock {
    private volatile Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
