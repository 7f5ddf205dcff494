package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.tck.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The defects 1, 2, 4, 5, 6 and 7 of issue 19, each as the outside review found it, through the API
 * that existed then (so each test was run against the code before the defence, and failed there).
 * Defect 3 is {@link ProbeTimingTest}; 8 and 9 are in {@link ErrorModelTest} and {@link RolesTest}.
 */
class GuessingDefectsTest {
  private static final int LIMIT = 3;
  private final IdNumberGenerator guesses = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private IdSettle settle;
  private SettlementAuthenticator phone;
  private SettlementTerminal till;

  @BeforeEach
  void setUp() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(key)
            .clock(clock)
            .unknownIdLimit(LIMIT, Duration.ofMinutes(15))
            .build();
    phone = settle.authenticator(new Service("phone", eur(0)));
    till = settle.terminal("till-1");
  }

  @Test
  void defect1RotatingTheTerminalNameInTheRequestBuysNoGuesses() {
    int answered = 0;
    for (int i = 0; i < 200; i++) {
      Denial d = denial(phone.authorize(request(guesses.next(), "kiosk-" + i, "g" + i)));
      if (d.reason() == DenialReason.UNKNOWN_ID) {
        answered++;
      }
    }
    assertThat(answered).isEqualTo(LIMIT);
  }

  @Test
  void defect2OneBatchSpendsTheBudgetPerIdAndTheRestIsNotRun() {
    IdNumber real = sold(500);
    List<AuthorizationRequest> batch = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      batch.add(request(guesses.next(), "kiosk", "b" + i));
    }
    batch.add(request(real, "kiosk", "real"));

    List<AuthorizationResult> results = phone.authorizeAll(batch);

    assertThat(results.stream().filter(r -> reason(r) == DenialReason.UNKNOWN_ID).count())
        .isEqualTo(LIMIT);
    assertThat(reason(results.get(5_000))).isEqualTo(DenialReason.THROTTLED);
    assertThat(settle.account(real).orElseThrow().posted()).isEqualTo(500);
  }

  @Test
  void defect4NamingATerminalInRequestsDoesNotLockItOut() {
    for (int i = 0; i < 10; i++) {
      phone.authorize(request(guesses.next(), "till-1", "x" + i));
    }
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);

    assertThat(till.activate(unsold, eur(500), "sale-1")).isInstanceOf(Activated.class);
  }

  @Test
  void defect5FloodingOtherNamesDoesNotEvictAThrottledTerminal() {
    for (int i = 0; i <= LIMIT; i++) {
      till.activate(guesses.next(), eur(500), "guess-" + i);
    }
    for (int i = 0; i < 300_000; i++) {
      phone.authorize(request(guesses.next(), "f" + i, "f"));
    }
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);

    assertThat(reason(till.activate(unsold, eur(500), "sale-1"))).isEqualTo(DenialReason.THROTTLED);
  }

  @Test
  void defect6AnUnsoldSlipCannotBurnAnotherTerminalsNextReference() {
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    IdNumber real = sold(500);
    phone.authorize(request(unsold, "kiosk-9", "r-2"));

    assertThat(phone.authorize(request(real, "kiosk-9", "r-2")))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.replayed()).isFalse());
  }

  @Test
  void defect7AReversalOfNothingAnswersAlikeWritesNothingOnTheIdAndIsCounted() {
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    Object ofUnsold = till.reverse(unsold, "random-1");
    Object ofUnknown = till.reverse(guesses.next(), "random-2");

    assertThat(ofUnknown).isEqualTo(ofUnsold).isInstanceOf(Reversed.class);
    assertThat(settle.journal(unsold, 0, 10)).isEmpty();
    till.reverse(guesses.next(), "random-3");
    assertThat(reason(till.reverse(guesses.next(), "random-4"))).isEqualTo(DenialReason.THROTTLED);
  }

  private IdNumber sold(long minor) {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("seller").activate(id, eur(minor), "sale-" + id.digits());
    return id;
  }

  private static AuthorizationRequest request(IdNumber id, String terminal, String reference) {
    return new AuthorizationRequest(id, eur(1), terminal, reference);
  }

  private static Denial denial(Object result) {
    assertThat(result).isInstanceOf(Denial.class);
    return (Denial) result;
  }

  private static DenialReason reason(Object result) {
    return denial(result).reason();
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
