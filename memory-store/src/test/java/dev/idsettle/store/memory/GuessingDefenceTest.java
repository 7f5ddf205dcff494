package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.ThrottledEvent;
import dev.idsettle.tck.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The defence through the roles: a handle per source, shared budgets, events, windows. */
class GuessingDefenceTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private final IdNumberGenerator guesses = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
  private final List<ThrottledEvent> events = new ArrayList<>();

  private IdSettle settle(GuessingBudgets budgets) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    IdSettle settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(key)
            .clock(clock)
            .guessingBudgets(budgets)
            .build();
    settle.addThrottleListener(events::add);
    return settle;
  }

  @Test
  void eachSourceSpendsItsOwnBudgetOnlyAndItsWindowEnds() {
    IdSettle settle = settle(new GuessingBudgets(2, 100, 100, Duration.ofMinutes(10)));
    Service phone = new Service("phone", eur(0));
    SettlementAuthenticator guesser = settle.authenticator(phone, "kiosk-1");
    SettlementAuthenticator honest = settle.authenticator(phone, "kiosk-2");
    IdNumber real = sold(settle, 100);

    guesser.authorize(request(guesses.next(), "g1"));
    guesser.authorize(request(guesses.next(), "g2"));
    Denial throttled = (Denial) guesser.authorize(request(real, "g3"));

    assertThat(throttled.reason()).isEqualTo(DenialReason.THROTTLED);
    assertThat(throttled.publicReason()).isEqualTo(PublicReason.TRY_LATER);
    assertThat(settle.authenticator(phone, "kiosk-1").authorize(request(real, "g4")))
        .as("a second handle of the same source shares its budget")
        .isInstanceOf(Denial.class);
    assertThat(honest.authorize(request(real, "h1"))).isInstanceOf(Permit.class);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.scope()).isEqualTo(ThrottledEvent.Scope.SOURCE);
              assertThat(e.source()).isEqualTo("service:phone/kiosk-1");
              assertThat(e.service()).isEqualTo("phone");
            });
    clock.advance(Duration.ofMinutes(10));
    assertThat(guesser.authorize(request(real, "g5"))).isInstanceOf(Permit.class);
  }

  @Test
  void aTerminalsMissesCountInTheGlobalBudgetAndLockOutNoOneWhoDidNotGuess() {
    IdSettle settle = settle(new GuessingBudgets(10, 10, 3, Duration.ofMinutes(10)));
    SettlementTerminal till = settle.terminal("till-1");
    SettlementAuthenticator guesser = settle.authenticator(new Service("phone", eur(0)), "k1");
    SettlementAuthenticator clean = settle.authenticator(new Service("web", eur(0)), "k2");
    IdNumber real = sold(settle, 100);

    guesser.authorize(request(guesses.next(), "g1"));
    till.activate(guesses.next(), eur(100), "t1");
    till.activate(guesses.next(), eur(100), "t2");

    assertThat(((Denial) guesser.authorize(request(real, "g2"))).reason())
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(((Denial) till.activate(guesses.next(), eur(100), "t3")).reason())
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(clean.authorize(request(real, "c1"))).isInstanceOf(Permit.class);
    assertThat(events)
        .extracting(ThrottledEvent::scope)
        .containsExactly(ThrottledEvent.Scope.GLOBAL);
  }

  @Test
  void aDefaultHandleIsOneSourceForTheWholeService() {
    IdSettle settle = settle(new GuessingBudgets(2, 100, 100, Duration.ofMinutes(10)));
    Service phone = new Service("phone", eur(0));
    IdNumber real = sold(settle, 100);
    settle.authenticator(phone).authorize(request(guesses.next(), "g1"));
    settle
        .authenticator(phone)
        .authorize(new AuthorizationRequest(guesses.next(), eur(1), "other", "g2"));

    assertThat(((Denial) settle.authenticator(phone).authorize(request(real, "g3"))).reason())
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(settle.authenticator(phone, "kiosk-3").authorize(request(real, "g4")))
        .isInstanceOf(Permit.class);
  }

  private static IdNumber sold(IdSettle settle, long minor) {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("seller").activate(id, eur(minor), "sale");
    return id;
  }

  private static AuthorizationRequest request(IdNumber id, String reference) {
    return new AuthorizationRequest(id, eur(1), "kiosk", reference);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
