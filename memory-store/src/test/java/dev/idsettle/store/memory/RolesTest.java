package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import dev.idsettle.roles.ReversalResult;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.Unknown;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roles of claim 1 end to end over the memory store: every outcome and denial reason. */
class RolesTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private Instant now = start;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private MemoryStore store;
  private IdSettle settle;
  private SettlementTerminal till;
  private SettlementAuthenticator phone;
  private final List<LowBalanceEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = MemoryStore.create();
    settle =
        IdSettle.builder(store)
            .issuerKey(KEY)
            .clock(clock)
            .unknownIdLimit(3, Duration.ofMinutes(10))
            .build();
    settle.addLowBalanceListener(events::add);
    till = settle.terminal("till-1");
    phone = settle.authenticator(new Service("phone", eur(300)));
  }

  @Test
  void issuedIdsAreStoredOnlyAsHashes() {
    List<IdNumber> ids = settle.issuer().issue(50, ExpiryPolicy.never()).ids();
    assertThat(ids).hasSize(50).doesNotHaveDuplicates();
    for (IdNumber id : ids) {
      Account a = settle.account(id).orElseThrow();
      assertThat(a.state()).isEqualTo(AccountState.ISSUED);
      assertThat(a.idHash()).isNotNull();
      assertThat(a.toString()).doesNotContain(id.digits());
    }
    assertThatThrownBy(() -> settle.issuer().issue(0, ExpiryPolicy.never()))
        .hasMessageContaining("count");
  }

  @Test
  void activateThenAuthorizeUntilWarningAndDenial() {
    IdNumber id = issueOne(ExpiryPolicy.never());
    ActivationResult activated = till.activate(id, eur(1000), "sale-1");
    assertThat(activated)
        .isInstanceOfSatisfying(Activated.class, a -> assertThat(a.balance()).isEqualTo(eur(1000)));

    Permit p1 = permit(authorize(id, 500, "r1"));
    assertThat(p1.balance()).isEqualTo(eur(500));
    assertThat(p1.lowBalance()).isFalse();
    Permit p2 = permit(authorize(id, 250, "r2"));
    assertThat(p2.lowBalance()).isTrue();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).balance()).isEqualTo(eur(250));
    Permit p3 = permit(authorize(id, 100, "r3"));
    assertThat(p3.lowBalance()).isTrue();
    assertThat(events).as("fires once per downward crossing").hasSize(1);

    Denial d = denial(authorize(id, 200, "r4"));
    assertThat(d.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(d.balance()).isEqualTo(eur(150));
    assertThat(d.message()).contains("EUR 1.50").doesNotContain(id.digits());

    permit(authorize(id, 150, "r5"));
    assertThat(settle.account(id).orElseThrow().state()).isEqualTo(AccountState.EXHAUSTED);
    assertThat(denial(authorize(id, 1, "r6")).reason()).isEqualTo(DenialReason.EXHAUSTED);
  }

  @Test
  void lowBalanceRearmsAfterTopUp() {
    IdNumber id = activeId(400);
    permit(authorize(id, 200, "a"));
    assertThat(events).hasSize(1);
    assertThat(till.activate(id, eur(500), "top-up")).isInstanceOf(Denial.class);
    // a top-up is a credit to an active ID: the ledger's post from cash
    topUp(id, 500);
    permit(authorize(id, 100, "b"));
    assertThat(events).hasSize(1);
    permit(authorize(id, 400, "c"));
    assertThat(events).hasSize(2);
  }

  @Test
  void replayReturnsTheOriginalResultAndRefusalStaysRefused() {
    IdNumber id = activeId(100);
    Permit first = permit(authorize(id, 60, "same"));
    Permit again = permit(authorize(id, 60, "same"));
    assertThat(again.replayed()).isTrue();
    assertThat(again.transferId()).isEqualTo(first.transferId());
    assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(40);

    assertThat(denial(authorize(id, 50, "short")).reason())
        .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    topUp(id, 100);
    assertThat(denial(authorize(id, 50, "short")).reason())
        .as("no silent success after a top-up")
        .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(denial(authorize(id, 51, "same")).reason())
        .isEqualTo(DenialReason.DUPLICATE_REFERENCE);
  }

  @Test
  void aReplayedInsufficientBalanceDenialReportsNoBalanceOfToday() {
    IdNumber id = activeId(100);
    Denial first = denial(authorize(id, 150, "short"));
    assertThat(first.balance()).isEqualTo(eur(100));
    topUp(id, 100);
    Denial replay = denial(authorize(id, 150, "short"));
    assertThat(replay.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(replay.balance()).as("today's balance covers the amount").isNull();
    assertThat(replay.replayed()).isTrue();
    assertThat(first.replayed()).isFalse();
    assertThat(replay.message()).doesNotContain("EUR 2.00").contains("replay");
  }

  @Test
  void anActivationAboveTheLimitIsDeniedAndChangesNothing() {
    IdNumber id = issueOne(ExpiryPolicy.never());
    Denial d = denial(till.activate(id, Money.of(Long.MAX_VALUE, "EUR"), "huge"));
    assertThat(d.reason()).isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(d.message()).contains("largest activation", "EUR 10000.00");
    assertThat(settle.account(id).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
    assertThat(till.activate(id, eur(IdSettle.DEFAULT_MAX_ACTIVATION_MINOR), "max"))
        .isInstanceOf(Activated.class);
  }

  @Test
  void everyDenialReason() {
    IdNumber unsold = issueOne(ExpiryPolicy.never());
    Denial notActivated = denial(authorize(unsold, 10, "n1"));
    assertThat(notActivated.reason())
        .as("an unsold ID is answered like an unknown one")
        .isEqualTo(DenialReason.UNKNOWN_ID);

    IdNumber stranger = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    Denial unknown = denial(authorize(stranger, 10, "u1"));
    assertThat(unknown.reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(unknown.publicReason())
        .isEqualTo(notActivated.publicReason())
        .isEqualTo(PublicReason.NOT_USABLE);
    assertThat(unknown.message()).doesNotContain(stranger.digits());

    IdNumber expiring = issueOne(ExpiryPolicy.afterActivation(30));
    till.activate(expiring, eur(100), "e");
    now = start.plus(Duration.ofDays(30));
    assertThat(denial(authorize(expiring, 10, "e1")).reason()).isEqualTo(DenialReason.EXPIRED);
    now = start;

    IdNumber blocked = activeId(100);
    settle
        .ledger()
        .submit(
            LedgerBatch.create()
                .add(
                    LedgerCommand.changeState(
                        settle.account(blocked).orElseThrow().id(),
                        EnumSet.of(AccountState.ACTIVE),
                        AccountState.BLOCKED)));
    assertThat(denial(authorize(blocked, 10, "b1")).reason()).isEqualTo(DenialReason.BLOCKED);
    assertThat(denial(till.activate(blocked, eur(10), "b2")).reason())
        .isEqualTo(DenialReason.BLOCKED);

    IdNumber active = activeId(100);
    assertThat(denial(till.activate(active, eur(10), "again")).reason())
        .isEqualTo(DenialReason.ALREADY_ACTIVE);
    assertThat(denial(till.activate(unsold, eur(0), "zero")).reason())
        .isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(denial(till.activate(unsold, eur(-5), "neg")).reason())
        .isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(denial(till.activate(unsold, Money.of(10, "USD"), "usd")).reason())
        .isEqualTo(DenialReason.WRONG_CURRENCY);
    assertThat(denial(authorize(active, 0, "z")).reason()).isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(settle.account(unsold).orElseThrow().state())
        .as("refusals change nothing")
        .isEqualTo(AccountState.ISSUED);
  }

  @Test
  void guessingIsThrottledPerHandleAndUnsoldIdsCountAsMisses() {
    IdNumberGenerator g = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
    IdNumber unsold = issueOne(ExpiryPolicy.never());
    IdNumber good = activeId(100);
    assertThat(
            denial(phone.authorize(new AuthorizationRequest(g.next(), eur(1), "kiosk", "g1")))
                .reason())
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(
            denial(phone.authorize(new AuthorizationRequest(unsold, eur(1), "kiosk", "g2")))
                .reason())
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(
            denial(phone.authorize(new AuthorizationRequest(g.next(), eur(1), "kiosk", "g3")))
                .reason())
        .isEqualTo(DenialReason.UNKNOWN_ID);
    Denial throttled =
        denial(phone.authorize(new AuthorizationRequest(good, eur(1), "kiosk", "g4")));
    assertThat(throttled.reason()).isEqualTo(DenialReason.THROTTLED);
    assertThat(throttled.publicReason()).isEqualTo(PublicReason.TRY_LATER);
    assertThat(
            denial(phone.authorize(new AuthorizationRequest(good, eur(1), "other-kiosk", "g5")))
                .reason())
        .as("the handle is the source, not the name in the request")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(
            permit(
                    settle
                        .authenticator(phone.service(), "other-kiosk")
                        .authorize(new AuthorizationRequest(good, eur(1), "other-kiosk", "g5")))
                .balance())
        .isEqualTo(eur(99));
    now = start.plus(Duration.ofMinutes(11));
    permit(phone.authorize(new AuthorizationRequest(good, eur(1), "kiosk", "g6")));
  }

  @Test
  void reverseUndoesAnActivationOnceAndBarsItsRetry() {
    IdNumber id = issueOne(ExpiryPolicy.never());
    till.activate(id, eur(700), "sale-9");
    ReversalResult r = till.reverse(id, "sale-9");
    assertThat(r)
        .isInstanceOfSatisfying(Reversed.class, v -> assertThat(v.amount()).isEqualTo(eur(700)));
    assertThat(till.reverse(id, "sale-9"))
        .isInstanceOfSatisfying(Reversed.class, v -> assertThat(v.replayed()).isTrue());
    assertThat(settle.account(id).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
    assertThat(settle.account(id).orElseThrow().posted()).isZero();
    assertThat(denial(till.activate(id, eur(700), "sale-9")).reason())
        .isEqualTo(DenialReason.REVERSED);
    assertThat(till.activate(id, eur(700), "sale-10")).isInstanceOf(Activated.class);
  }

  @Test
  void reverseBeforeTheActivationArrivesBarsIt() {
    IdNumber id = issueOne(ExpiryPolicy.never());
    assertThat(till.reverse(id, "lost"))
        .isInstanceOfSatisfying(Reversed.class, v -> assertThat(v.amount()).isEqualTo(eur(0)));
    assertThat(denial(till.activate(id, eur(500), "lost")).reason())
        .isEqualTo(DenialReason.REVERSED);
    assertThat(settle.account(id).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
  }

  @Test
  void reverseIsRefusedOnceTheIdWasUsed() {
    IdNumber id = issueOne(ExpiryPolicy.never());
    till.activate(id, eur(700), "sale-3");
    permit(authorize(id, 100, "use"));
    assertThat(denial(till.reverse(id, "sale-3")).reason()).isEqualTo(DenialReason.ALREADY_USED);
    assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(600);
  }

  @Test
  void batchJudgesEachRequestOnItsOwnInOrder() {
    IdNumber a = activeId(100);
    IdNumber b = activeId(50);
    IdNumber stranger = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    List<AuthorizationResult> results =
        phone.authorizeAll(
            List.of(
                req(a, 60, "1"),
                req(a, 60, "2"),
                req(b, 50, "3"),
                req(stranger, 1, "4"),
                req(a, 40, "5"),
                req(b, 0, "6")));
    assertThat(permit(results.get(0)).balance()).isEqualTo(eur(40));
    assertThat(denial(results.get(1)).reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(permit(results.get(2)).balance()).isEqualTo(eur(0));
    assertThat(denial(results.get(3)).reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(permit(results.get(4)).balance()).isEqualTo(eur(0));
    assertThat(denial(results.get(5)).reason()).isEqualTo(DenialReason.INVALID_AMOUNT);
  }

  @Test
  void aLostAnswerIsUnknownNeverARefusalAndARetryLearnsTheOutcome() {
    AtomicBoolean loseNext = new AtomicBoolean();
    LedgerStore flaky = new LosingStore(store, loseNext);
    IdSettle s = IdSettle.builder(flaky).issuerKey(KEY).clock(clock).build();
    List<IdNumber> ids = s.issuer().issue(2, ExpiryPolicy.never()).ids();
    IdNumber id = ids.get(0);
    s.terminal("till-1").activate(id, eur(100), "x");
    s.terminal("till-1").activate(ids.get(1), eur(100), "y");
    SettlementAuthenticator svc = s.authenticator(new Service("phone", eur(0)));
    // the handle's first debit creates its revenue accounts: lose the answer of a later one
    permit(svc.authorize(new AuthorizationRequest(ids.get(1), eur(1), "t", "warm-up")));
    loseNext.set(true);
    AuthorizationResult lost = svc.authorize(new AuthorizationRequest(id, eur(30), "t", "k"));
    assertThat(lost).isInstanceOf(Unknown.class);
    AuthorizationResult retried = svc.authorize(new AuthorizationRequest(id, eur(30), "t", "k"));
    assertThat(permit(retried).replayed()).isTrue();
    assertThat(permit(retried).balance()).isEqualTo(eur(70));
  }

  @Test
  void expiryAfterFirstUseStartsAtTheFirstDebit() {
    IdNumber id = issueOne(ExpiryPolicy.afterFirstUse(7));
    till.activate(id, eur(100), "s");
    now = start.plus(Duration.ofDays(100));
    permit(authorize(id, 10, "first"));
    now = now.plus(Duration.ofDays(6));
    permit(authorize(id, 10, "second"));
    now = now.plus(Duration.ofDays(1));
    assertThat(denial(authorize(id, 10, "third")).reason()).isEqualTo(DenialReason.EXPIRED);
  }

  @Test
  void badConfigurationNamesTheField() {
    assertThatThrownBy(() -> IdSettle.builder(store).build()).hasMessageContaining("issuerKey");
    assertThatThrownBy(
            () ->
                IdSettle.builder(store)
                    .issuerKey(KEY)
                    .unknownIdLimit(0, Duration.ofMinutes(1))
                    .build())
        .hasMessageContaining("unknownIdLimit");
  }

  private void topUp(IdNumber id, long amount) {
    Account a = settle.account(id).orElseThrow();
    settle
        .ledger()
        .submit(
            LedgerBatch.create()
                .add(
                    LedgerCommand.post(
                        dev.idsettle.ledger.TransferId.random(),
                        settle.operatorAccounts().cash("till-1"),
                        a.id(),
                        amount,
                        "top-up")));
  }

  private IdNumber issueOne(ExpiryPolicy expiry) {
    return settle.issuer().issue(1, expiry).ids().get(0);
  }

  private IdNumber activeId(long amount) {
    IdNumber id = issueOne(ExpiryPolicy.never());
    assertThat(till.activate(id, eur(amount), "act-" + id.digits())).isInstanceOf(Activated.class);
    return id;
  }

  private AuthorizationResult authorize(IdNumber id, long amount, String ref) {
    return phone.authorize(req(id, amount, ref));
  }

  private static AuthorizationRequest req(IdNumber id, long amount, String ref) {
    return new AuthorizationRequest(id, eur(amount), "kiosk-1", ref);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  private static Permit permit(Object r) {
    assertThat(r).isInstanceOf(Permit.class);
    return (Permit) r;
  }

  private static Denial denial(Object r) {
    assertThat(r).isInstanceOf(Denial.class);
    return (Denial) r;
  }

  /** Commits, then loses the acknowledgement once: what a dropped connection does. */
  private static final class LosingStore extends WrappingStore {
    private final AtomicBoolean loseNext;

    LosingStore(LedgerStore delegate, AtomicBoolean loseNext) {
      super(delegate);
      this.loseNext = loseNext;
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      T result = delegate.transact(work);
      if (loseNext.getAndSet(false)) {
        throw new StoreException("connection lost during commit", true);
      }
      return result;
    }
  }
}
