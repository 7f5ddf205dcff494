package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.tck.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random mixes of unknown, unsold and real IDs, from rotating sources of two services, singly and
 * in batches: the misses answered never exceed any budget, and the sources that guess nothing are
 * never refused. QuickTheories prints the seed of a failing run; {@code -DQT_SEED=<seed>} replays
 * it.
 */
class GuessingPropertiesTest {
  private static final int PER_SOURCE = 3;
  private static final int PER_SERVICE = 5;
  private static final int GLOBAL = 7;
  // even sources are at service a, odd ones at b; 0 to 3 guess, 4 (a) and 5 (b) never do
  private static final int SOURCES = 6;
  private static final int HONEST = 4;

  @Test
  void theBudgetsHoldAndHonestSourcesAreNeverLockedOut() {
    qt().withExamples(60)
        .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 60))
        .checkAssert(GuessingPropertiesTest::run);
  }

  private static void run(List<Integer> operations) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    IdSettle settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(key)
            .clock(MutableClock.at(Instant.parse("2030-01-01T00:00:00Z")))
            .guessingBudgets(
                new GuessingBudgets(PER_SOURCE, PER_SERVICE, GLOBAL, Duration.ofHours(1)))
            .build();
    Service a = new Service("a", eur(0));
    Service b = new Service("b", eur(0));
    List<SettlementAuthenticator> sources = new ArrayList<>();
    for (int s = 0; s < SOURCES; s++) {
      sources.add(settle.authenticator(s % 2 == 0 ? a : b, "s" + s));
    }
    List<IdNumber> unsold = settle.issuer().issue(3, ExpiryPolicy.never()).ids();
    List<IdNumber> real = settle.issuer().issue(3, ExpiryPolicy.never()).ids();
    SettlementTerminal seller = settle.terminal("seller");
    for (IdNumber id : real) {
      seller.activate(id, eur(1_000_000), "sale-" + id.digits());
    }
    IdNumberGenerator guesses = IdNumberGenerator.secure(IdNumberFormat.DEFAULT);
    int[] answeredMisses = new int[SOURCES];
    int[] answeredAt = new int[2];
    int permits = 0;
    int n = 0;
    for (int op : operations) {
      int source = op % SOURCES;
      int size = 1 + (op / SOURCES) % 6;
      int kinds = op / (SOURCES * 6);
      List<AuthorizationRequest> batch = new ArrayList<>();
      for (int k = 0; k < size; k++) {
        int kind = source >= HONEST ? 2 : kinds % 3;
        kinds /= 3;
        IdNumber id = kind == 0 ? guesses.next() : (kind == 1 ? unsold : real).get((n + k) % 3);
        batch.add(new AuthorizationRequest(id, eur(1), "kiosk", "r" + n++));
      }
      List<AuthorizationResult> results =
          size == 1
              ? List.of(sources.get(source).authorize(batch.get(0)))
              : sources.get(source).authorizeAll(batch);
      for (AuthorizationResult r : results) {
        if (r instanceof Permit) {
          permits++;
        } else if (((Denial) r).reason() == DenialReason.UNKNOWN_ID) {
          answeredMisses[source]++;
          answeredAt[serviceOf(source)]++;
        } else {
          assertThat(((Denial) r).reason()).isEqualTo(DenialReason.THROTTLED);
          assertThat(source)
              .as("a source that guesses nothing is never refused")
              .isLessThan(HONEST);
        }
      }
    }
    for (int s = 0; s < SOURCES; s++) {
      assertThat(answeredMisses[s])
          .as("misses answered to source %d", s)
          .isLessThanOrEqualTo(PER_SOURCE);
    }
    assertThat(answeredAt[0]).as("misses answered at service a").isLessThanOrEqualTo(PER_SERVICE);
    assertThat(answeredAt[1]).as("misses answered at service b").isLessThanOrEqualTo(PER_SERVICE);
    assertThat(answeredAt[0] + answeredAt[1]).as("misses answered").isLessThanOrEqualTo(GLOBAL);
    long spent = 0;
    for (IdNumber id : real) {
      spent += 1_000_000 - settle.account(id).orElseThrow().posted();
    }
    assertThat(spent).as("every permit debited, nothing else").isEqualTo(permits);
  }

  private static int serviceOf(int source) {
    return source % 2;
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
