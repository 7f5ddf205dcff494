package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.Unavailable;
import dev.idsettle.roles.Unknown;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.StoreException;
import dev.idsettle.spi.StoreWork;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every pair of (first answer, later replay) a settlement terminal can see: a replay of {@code
 * activate} or {@code reverse} under the same reference tells the till what is true of that sale.
 */
class TerminalReplayTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final AtomicInteger loseAck = new AtomicInteger();
  private final AtomicBoolean failBefore = new AtomicBoolean();
  private MemoryStore store;
  private IdSettle settle;
  private SettlementTerminal till;

  @BeforeEach
  void setUp() {
    store = MemoryStore.create();
    settle = IdSettle.builder(new FailingStore(store, loseAck, failBefore)).issuerKey(KEY).build();
    till = settle.terminal("till-1");
    // the till's first call creates its cash account: the faults below hit later calls
    activated(till.activate(issued(), eur(1), "warm-up"));
  }

  @Test
  void activatedThenReplayedIsActivatedReplayed() {
    IdNumber id = issued();
    Activated first = (Activated) till.activate(id, eur(500), "s");
    Activated again = activated(till.activate(id, eur(500), "s"));
    assertThat(again.replayed()).isTrue();
    assertThat(again.transferId()).isEqualTo(first.transferId());
    assertThat(again.amount()).isEqualTo(eur(500));
  }

  @Test
  void reversedThenReplaysSayReversed() {
    IdNumber id = issued();
    activated(till.activate(id, eur(500), "s"));
    assertThat(reversed(till.reverse(id, "s")).amount()).isEqualTo(eur(500));
    assertThat(denial(till.activate(id, eur(500), "s")).reason()).isEqualTo(DenialReason.REVERSED);
    Reversed again = reversed(till.reverse(id, "s"));
    assertThat(again.replayed()).isTrue();
    assertThat(again.amount()).isEqualTo(eur(500));
    assertThat(state(id)).isEqualTo(AccountState.ISSUED);
  }

  @Test
  void refusedReversalLeavesTheSaleStandingAndItsReplaySaysActivated() {
    IdNumber id = issued();
    activated(till.activate(id, eur(500), "s"));
    spend(id, 100);
    assertThat(denial(till.reverse(id, "s")).reason()).isEqualTo(DenialReason.ALREADY_USED);

    Activated replay = activated(till.activate(id, eur(500), "s"));
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.amount()).isEqualTo(eur(500));
    assertThat(denial(till.reverse(id, "s")).reason())
        .as("a refused reversal stays refused")
        .isEqualTo(DenialReason.ALREADY_USED);
    assertThat(activated(till.activate(id, eur(500), "s")).replayed()).isTrue();
    assertThat(state(id)).isEqualTo(AccountState.ACTIVE);
    assertThat(settle.account(id).orElseThrow().posted()).isEqualTo(400);
  }

  @Test
  void refusedReversalOfAnExhaustedIdStillReplaysActivated() {
    IdNumber id = issued();
    activated(till.activate(id, eur(500), "s"));
    spend(id, 500);
    assertThat(denial(till.reverse(id, "s")).reason()).isEqualTo(DenialReason.ALREADY_USED);
    assertThat(activated(till.activate(id, eur(500), "s")).replayed()).isTrue();
  }

  @Test
  void reversedBeforeArrivalThenActivationAndReplaysSayReversed() {
    IdNumber id = issued();
    Reversed barred = reversed(till.reverse(id, "s"));
    assertThat(barred.amount()).isEqualTo(eur(0));
    assertThat(denial(till.activate(id, eur(500), "s")).reason()).isEqualTo(DenialReason.REVERSED);
    assertThat(denial(till.activate(id, eur(500), "s")).reason()).isEqualTo(DenialReason.REVERSED);
    assertThat(reversed(till.reverse(id, "s")).replayed()).isTrue();
    assertThat(state(id)).isEqualTo(AccountState.ISSUED);
  }

  @Test
  void deniedActivationsReplayTheSameDenial() {
    IdNumber sold = issued();
    activated(till.activate(sold, eur(500), "first-sale"));
    assertThat(denial(till.activate(sold, eur(500), "s")).reason())
        .isEqualTo(DenialReason.ALREADY_ACTIVE);
    assertThat(denial(till.activate(sold, eur(500), "s")).reason())
        .isEqualTo(DenialReason.ALREADY_ACTIVE);
    assertThat(reversed(till.reverse(sold, "s")).amount())
        .as("reversing a refused activation takes nothing back")
        .isEqualTo(eur(0));
    assertThat(settle.account(sold).orElseThrow().posted()).isEqualTo(500);

    IdNumber blocked = issued();
    settle
        .ledger()
        .submit(
            LedgerBatch.create()
                .add(
                    LedgerCommand.changeState(
                        settle.account(blocked).orElseThrow().id(),
                        EnumSet.of(AccountState.ISSUED),
                        AccountState.BLOCKED)));
    assertThat(denial(till.activate(blocked, eur(500), "b")).reason())
        .isEqualTo(DenialReason.BLOCKED);
    assertThat(denial(till.activate(blocked, eur(500), "b")).reason())
        .isEqualTo(DenialReason.BLOCKED);

    IdNumber stranger = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    assertThat(denial(till.activate(stranger, eur(500), "u")).reason())
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(denial(till.activate(stranger, eur(500), "u")).reason())
        .isEqualTo(DenialReason.UNKNOWN_ID);

    IdNumber id = issued();
    assertThat(denial(till.activate(id, eur(0), "z")).reason())
        .isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(activated(till.activate(id, eur(500), "z")).replayed())
        .as("a malformed request recorded nothing")
        .isFalse();
  }

  @Test
  void unknownActivationThatCommittedReplaysActivated() {
    IdNumber id = issued();
    loseAck.set(1);
    assertThat(till.activate(id, eur(500), "s")).isInstanceOf(Unknown.class);
    assertThat(activated(till.activate(id, eur(500), "s")).replayed()).isTrue();
  }

  @Test
  void unknownReversalThatCommittedReplaysReversedAndTheActivationReversed() {
    IdNumber id = issued();
    activated(till.activate(id, eur(500), "s"));
    loseAck.set(2); // the reversal reads the activation, then writes
    assertThat(till.reverse(id, "s")).isInstanceOf(Unknown.class);
    assertThat(reversed(till.reverse(id, "s")).replayed()).isTrue();
    assertThat(denial(till.activate(id, eur(500), "s")).reason()).isEqualTo(DenialReason.REVERSED);
  }

  @Test
  void failureKnownToChangeNothingIsNotUnknownAndItsRetryIsTheFirstAnswer() {
    IdNumber id = issued();
    failBefore.set(true);
    Object failed = till.activate(id, eur(500), "s");
    assertThat(failed).isInstanceOf(Unavailable.class);
    assertThat(((Unavailable) failed).cause().mayHaveCommitted()).isFalse();
    Activated retry = activated(till.activate(id, eur(500), "s"));
    assertThat(retry.replayed()).isFalse();

    failBefore.set(true);
    assertThat(till.reverse(id, "s")).isInstanceOf(Unavailable.class);
    assertThat(reversed(till.reverse(id, "s")).replayed()).isFalse();

    // reversed, the ID is unsold again and refused without a store transaction: spend a sold one
    IdNumber sold = issued();
    activated(till.activate(sold, eur(500), "s2"));
    SettlementAuthenticator phone = settle.authenticator(new Service("phone", eur(0)));
    failBefore.set(true);
    assertThat(phone.authorize(new AuthorizationRequest(sold, eur(1), "kiosk", "k")))
        .isInstanceOf(Unavailable.class);
  }

  private void spend(IdNumber id, long amount) {
    assertThat(
            settle
                .authenticator(new Service("phone", eur(0)))
                .authorize(new AuthorizationRequest(id, eur(amount), "kiosk", "spend-" + amount)))
        .isInstanceOf(dev.idsettle.roles.Permit.class);
  }

  private IdNumber issued() {
    return settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
  }

  private AccountState state(IdNumber id) {
    return settle.account(id).orElseThrow().state();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  private static Activated activated(Object r) {
    assertThat(r).isInstanceOf(Activated.class);
    return (Activated) r;
  }

  private static Reversed reversed(Object r) {
    assertThat(r).isInstanceOf(Reversed.class);
    return (Reversed) r;
  }

  private static Denial denial(Object r) {
    assertThat(r).isInstanceOf(Denial.class);
    return (Denial) r;
  }

  /**
   * Loses the acknowledgement of the n-th next transaction (it stands), or fails the next
   * transaction before it starts (nothing is committed, and the exception says so).
   */
  private static final class FailingStore extends WrappingStore {
    private final AtomicInteger loseAck;
    private final AtomicBoolean failBefore;

    FailingStore(LedgerStore delegate, AtomicInteger loseAck, AtomicBoolean failBefore) {
      super(delegate);
      this.loseAck = loseAck;
      this.failBefore = failBefore;
    }

    @Override
    public <T> T transact(StoreWork<T> work) {
      if (failBefore.getAndSet(false)) {
        throw new StoreException("connection refused", false);
      }
      T result = delegate.transact(work);
      if (loseAck.get() > 0 && loseAck.decrementAndGet() == 0) {
        throw new StoreException("connection lost during commit", true);
      }
      return result;
    }
  }
}
