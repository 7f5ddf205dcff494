package dev.idsettle.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guessing budgets' own rules, without a store: windows, scopes, events, bounded registries.
 */
class GuardTest {
  private Instant now = Instant.parse("2030-01-01T00:00:00Z");
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
  private final List<ThrottledEvent> events = new ArrayList<>();

  private Guard guard(int perSource, int perService, int global) {
    Guard g =
        new Guard(
            new GuessingBudgets(perSource, perService, global, Duration.ofMinutes(10)), clock);
    g.addListener(events::add);
    return g;
  }

  @Test
  void aSourceIsRefusedOnceItsOwnBudgetIsSpentUntilItsWindowEnds() {
    GuardScope a = guard(3, 100, 100).scope("a", "svc");
    assertThat(a.miss()).isTrue();
    assertThat(a.miss()).isTrue();
    assertThat(a.blocked()).isFalse();
    assertThat(a.miss()).isTrue();
    assertThat(a.blocked()).isTrue();
    assertThat(a.miss()).isFalse();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.scope()).isEqualTo(ThrottledEvent.Scope.SOURCE);
              assertThat(e.source()).isEqualTo("a");
              assertThat(e.until()).isEqualTo(Instant.parse("2030-01-01T00:10:00Z"));
            });
    now = now.plus(Duration.ofMinutes(10));
    assertThat(a.blocked()).isFalse();
    assertThat(a.miss()).isTrue();
  }

  @Test
  void aSpentSharedBudgetRefusesTheSourcesThatMissedAndServesTheOthers() {
    Guard g = guard(3, 4, 100);
    GuardScope a = g.scope("a", "svc");
    GuardScope b = g.scope("b", "svc");
    GuardScope clean = g.scope("c", "svc");
    GuardScope elsewhere = g.scope("d", "other");
    a.miss();
    a.miss();
    b.miss();
    assertThat(b.miss()).as("the service's fourth miss").isTrue();

    assertThat(b.blocked()).isTrue();
    assertThat(a.blocked()).isTrue();
    assertThat(clean.blocked()).as("a source that made no miss is served").isFalse();
    assertThat(clean.miss()).as("but its first miss is refused").isFalse();
    assertThat(clean.blocked()).isTrue();
    assertThat(elsewhere.miss()).as("another service's budget is its own").isTrue();
    assertThat(events)
        .extracting(ThrottledEvent::scope)
        .containsExactly(ThrottledEvent.Scope.SERVICE);
  }

  @Test
  void theGlobalBudgetCoversEverySourceAndService() {
    Guard g = guard(10, 10, 2);
    GuardScope till = g.scope("terminal:t", null);
    assertThat(till.miss()).isTrue();
    assertThat(g.scope("service:x", "x").miss()).isTrue();
    assertThat(till.blocked()).isTrue();
    assertThat(g.scope("service:y", "y").blocked()).isFalse();
    assertThat(events)
        .extracting(ThrottledEvent::scope)
        .containsExactly(ThrottledEvent.Scope.GLOBAL);
  }

  @Test
  void twoHandlesOfOneSourceShareItsBudgetAndAFloodOfOthersEvictsNoHandlesCount() {
    Guard g = guard(2, 1_000_000, 1_000_000);
    GuardScope held = g.scope("terminal:till-1", null);
    held.miss();
    g.scope("terminal:till-1", null).miss();
    assertThat(held.blocked()).isTrue();
    for (int i = 0; i < 200_000; i++) {
      g.scope("terminal:" + "x".repeat(40) + i, null);
    }
    assertThat(held.blocked()).as("the handle keeps its budget").isTrue();
  }

  @Test
  void theRegistriesAreBoundedInBytes() {
    Guard g = guard(2, 2, 2);
    String longName = "s".repeat(60);
    for (int i = 0; i < 200_000; i++) {
      g.scope(longName + i, longName + i);
    }
    assertThat(g.registryBytes()).isLessThanOrEqualTo(2 * Guard.REGISTRY_BYTES);
  }

  @Test
  void oneThrottledAnswerWhateverTheCause() {
    Guard g = guard(1, 2, 100);
    GuardScope a = g.scope("a", "svc");
    String ownCause = denialAfter(a);
    Guard h = guard(5, 1, 100);
    GuardScope b = h.scope("a", "svc");
    String sharedCause = denialAfter(b);
    assertThat(ownCause).isEqualTo(sharedCause);
  }

  private static String denialAfter(GuardScope s) {
    s.miss();
    assertThat(s.blocked()).isTrue();
    Denial d = s.throttled();
    assertThat(d.publicReason()).isEqualTo(PublicReason.TRY_LATER);
    return d.reason() + d.message();
  }
}
