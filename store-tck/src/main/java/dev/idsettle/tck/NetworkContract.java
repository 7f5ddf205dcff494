package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.SelectionResult;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.ServiceSelector;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.SubIdResult;
import dev.idsettle.roles.Valid;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settlement network over the store (claims 2, 3, 5, 7, 11): services and routing, validity
 * queries and their caching contract, service selection into envelopes. Part of {@link
 * LedgerStoreContract}, so every store proves it.
 */
public interface NetworkContract extends ContractTest {

  /** This test's network roles over the fixture's store and clock. */
  default NetworkFixture net() {
    return new NetworkFixture(tck());
  }

  // claim 2: services and routing

  /** An activation that names a service makes the value usable there only. */
  @Test
  default void routedActivationIsUsableAtItsServiceOnly() {
    NetworkFixture n = net();
    IdNumber id = n.routed(1000, n.phone());

    AuthorizationResult there = n.spend(n.phone(), id, 200);
    AuthorizationResult elsewhere = n.spend(n.web(), id, 100);

    assertThat(there)
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(800)));
    assertThat(elsewhere)
        .isInstanceOfSatisfying(
            Denial.class,
            d -> {
              assertThat(d.reason()).isEqualTo(DenialReason.WRONG_SERVICE);
              assertThat(d.balance()).isNull();
              assertThat(d.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
            });
    assertThat(reason(n.manager().query(id, n.web(), "kiosk")))
        .isEqualTo(DenialReason.WRONG_SERVICE);
    assertThat(n.manager().query(id, n.phone(), "kiosk"))
        .isEqualTo(new Valid(eur(800), true, false));
  }

  /** WRONG_SERVICE shows an untrusted terminal what an unknown or unsold ID shows, nothing more. */
  @Test
  default void wrongServiceRevealsNoMoreThanNotUsable() {
    NetworkFixture n = net();
    IdNumber routed = n.routed(1000, n.phone());
    IdNumber unsold = n.issued();

    Denial wrong = (Denial) n.spend(n.web(), routed, 100);
    Denial notSold = (Denial) n.spend(n.web(), unsold, 100);

    assertThat(wrong.publicReason()).isEqualTo(notSold.publicReason());
    assertThat(wrong.publicReason()).isEqualTo(DenialReason.UNKNOWN_ID.publicReason());
    assertThat(wrong.balance()).isNull();
  }

  /** An activation that names no service stays usable everywhere. */
  @Test
  default void unroutedActivationIsUsableEverywhere() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);

    assertThat(n.spend(n.phone(), id, 100)).isInstanceOf(Permit.class);
    assertThat(n.spend(n.web(), id, 100))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(800)));
  }

  /** A routed activation replays under its reference; other content and bad input are refused. */
  @Test
  default void routedActivationIsIdempotentAndRefusesBadInput() {
    NetworkFixture n = net();
    SettlementManager m = n.manager();
    IdNumber id = n.issued();

    ActivationResult first = m.activate(n.till(), id, eur(500), n.phone(), "sale-1");
    ActivationResult replay = m.activate(n.till(), id, eur(500), n.phone(), "sale-1");
    ActivationResult otherAmount = m.activate(n.till(), id, eur(700), n.phone(), "sale-1");
    ActivationResult otherService = m.activate(n.till(), id, eur(500), n.web(), "sale-2");

    assertThat(first)
        .isInstanceOfSatisfying(Activated.class, a -> assertThat(a.replayed()).isFalse());
    assertThat(replay)
        .isInstanceOfSatisfying(Activated.class, a -> assertThat(a.replayed()).isTrue());
    assertThat(reason(otherAmount)).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
    assertThat(reason(otherService)).isEqualTo(DenialReason.WRONG_SERVICE);
    assertThat(reason(m.activate(n.till(), n.issued(), eur(-5), n.phone(), "sale-3")))
        .isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(reason(m.activate(n.till(), n.issued(), Money.of(5, "USD"), n.phone(), "sale-4")))
        .isEqualTo(DenialReason.WRONG_CURRENCY);
    assertThatThrownBy(() -> m.activate(n.till(), n.issued(), eur(5), "nowhere", "sale-5"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> m.activate(n.till(), id, eur(5), n.phone(), " "))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("reference");
    assertThat(n.spend(n.phone(), id, 500)).isInstanceOf(Permit.class);
    assertThat(n.spend(n.phone(), id, 1)).isInstanceOf(Denial.class);
  }

  /** A routed activation of an ID sold already is refused and routes nothing. */
  @Test
  default void routedActivationOfAnActiveIdRoutesNothing() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);

    ActivationResult again = n.manager().activate(n.till(), id, eur(500), n.phone(), "late");

    assertThat(reason(again)).isEqualTo(DenialReason.ALREADY_ACTIVE);
    assertThat(n.spend(n.web(), id, 1000)).isInstanceOf(Permit.class);
  }

  /** A service name stands for one service; an unknown one is refused by name. */
  @Test
  default void registryRefusesAnotherServiceUnderATakenNameAndUnknownNames() {
    NetworkFixture n = net();
    SettlementManager m = n.manager();

    assertThat(m.register(new Service(n.phone(), eur(NetworkFixture.REFERENCE))).service().name())
        .isEqualTo(n.phone());
    assertThat(m.services()).contains(n.phone(), n.web());
    assertThatThrownBy(() -> m.register(new Service(n.phone(), eur(1))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(n.phone());
    assertThatThrownBy(() -> m.authenticator("nowhere"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nowhere");
  }

  // claim 3: validity queries and the caching contract

  /** The query answers with what the asking service can spend now. */
  @Test
  default void queryAnswersWhatTheServiceCanSpend() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    SettlementManager m = n.manager();

    assertThat(m.query(id, n.phone(), "kiosk")).isEqualTo(new Valid(eur(1000), false, false));
    select(n, id, Map.of(n.phone(), eur(250)), "q-1");

    assertThat(m.query(id, n.phone(), "kiosk")).isEqualTo(new Valid(eur(250), true, true));
    assertThat(m.query(id, n.web(), "kiosk")).isEqualTo(new Valid(eur(750), false, false));
    assertThat(reason(m.query(n.issued(), n.phone(), "kiosk"))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThatThrownBy(() -> m.query(id, "nowhere", "kiosk"))
        .isInstanceOf(InvalidRequestException.class);
  }

  /** An unknown and an unsold ID get the same public answer from a query. */
  @Test
  default void queryDoesNotTellUnknownFromUnsold() {
    NetworkFixture n = net();
    IdNumber unsold = n.issued();
    IdNumber unknown = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();

    Denial a = (Denial) n.manager().query(unsold, n.phone(), "kiosk");
    Denial b = (Denial) n.manager().query(unknown, n.phone(), "kiosk");

    assertThat(a.publicReason()).isEqualTo(b.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
  }

  /** A block after a query (with every cache warm) refuses the next query and every spend. */
  @Test
  default void blockAfterACachedQueryRefusesEverything() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    select(n, id, Map.of(n.phone(), eur(400)), "b-1");
    assertThat(n.manager().query(id, n.phone(), "kiosk")).isInstanceOf(Valid.class);
    assertThat(n.manager().query(id, n.web(), "kiosk")).isInstanceOf(Valid.class);
    assertThat(n.spend(n.phone(), id, 10)).isInstanceOf(Permit.class);
    assertThat(n.spend(n.web(), id, 10)).isInstanceOf(Permit.class);

    assertThat(n.manager().block(id)).isEqualTo(new Blocked(2));

    assertThat(reason(n.manager().query(id, n.phone(), "kiosk"))).isEqualTo(DenialReason.BLOCKED);
    assertThat(reason(n.manager().query(id, n.web(), "kiosk"))).isEqualTo(DenialReason.BLOCKED);
    assertThat(reason(n.spend(n.phone(), id, 10))).isEqualTo(DenialReason.BLOCKED);
    assertThat(reason(n.spend(n.web(), id, 10))).isEqualTo(DenialReason.BLOCKED);
    assertThat(reason(n.manager().selector().giveBack(id, n.phone(), null, n.ref("b-2"))))
        .isEqualTo(DenialReason.BLOCKED);
    assertThat(n.manager().block(id)).isEqualTo(new Blocked(0));
  }

  /** An expiry after a query refuses the next query and every spend, envelopes included. */
  @Test
  default void expiryAfterACachedQueryRefusesEverything() {
    NetworkFixture n = net();
    IdNumber id = n.issued(ExpiryPolicy.afterActivation(1));
    n.manager().activate(n.till(), id, eur(1000), n.phone(), "e-1");
    IdNumber other = n.issued(ExpiryPolicy.afterActivation(1));
    n.settle().terminal(n.till()).activate(other, eur(1000), "e-2");
    select(n, other, Map.of(n.web(), eur(100)), "e-3");
    assertThat(n.manager().query(id, n.phone(), "kiosk")).isInstanceOf(Valid.class);
    assertThat(n.manager().query(other, n.web(), "kiosk")).isInstanceOf(Valid.class);

    tck().clock().advance(Duration.ofDays(1));

    assertThat(reason(n.manager().query(id, n.phone(), "kiosk"))).isEqualTo(DenialReason.EXPIRED);
    assertThat(reason(n.spend(n.phone(), id, 1))).isEqualTo(DenialReason.EXPIRED);
    assertThat(reason(n.spend(n.web(), other, 1))).isEqualTo(DenialReason.EXPIRED);
    assertThat(reason(n.spend(n.phone(), other, 1))).isEqualTo(DenialReason.EXPIRED);
  }

  // claim 5: service selection

  /** Each amount moves into its envelope; a service spends only its envelope. */
  @Test
  default void selectMovesEachAmountIntoItsEnvelope() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);

    SelectionResult r = select(n, id, Map.of(n.phone(), eur(300), n.web(), eur(200)), "s-1");

    assertThat(r)
        .isEqualTo(new Selected(eur(500), Map.of(n.phone(), eur(300), n.web(), eur(200)), false));
    assertThat(n.spend(n.phone(), id, 300)).isInstanceOf(Permit.class);
    assertThat(reason(n.spend(n.phone(), id, 1))).isEqualTo(DenialReason.EXHAUSTED);
    Denial over = (Denial) n.spend(n.web(), id, 250);
    assertThat(over.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(over.balance()).isEqualTo(eur(200));
    assertThat(n.manager().selector().balances(id))
        .isEqualTo(new Selected(eur(500), Map.of(n.phone(), eur(0), n.web(), eur(200)), false));
  }

  /** A selection over the available value is refused whole and moves nothing. */
  @Test
  default void selectionOverTheBalanceMovesNothing() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);

    Denial d = (Denial) select(n, id, Map.of(n.phone(), eur(600), n.web(), eur(600)), "o-1");

    assertThat(d.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(d.balance()).isEqualTo(eur(1000));
    Selected now = (Selected) n.manager().selector().balances(id);
    assertThat(now.unallocated()).isEqualTo(eur(1000));
    assertThat(now.envelopes().values()).allSatisfy(v -> assertThat(v).isEqualTo(eur(0)));
  }

  /** Bad selections are refused by name and change nothing. */
  @Test
  default void badSelectionsAreRefusedByName() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    ServiceSelector s = n.manager().selector();

    assertThatThrownBy(() -> s.select(id, Map.of(), n.ref("x-1")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> s.select(id, Map.of("nowhere", eur(1)), n.ref("x-2")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nowhere");
    Denial negative = (Denial) s.select(id, Map.of(n.phone(), eur(-1)), n.ref("x-3"));
    assertThat(negative.reason()).isEqualTo(DenialReason.INVALID_AMOUNT);
    assertThat(negative.message()).contains(n.phone());
    assertThat(reason(s.select(n.issued(), Map.of(n.phone(), eur(1)), n.ref("x-4"))))
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThatThrownBy(() -> s.move(id, n.phone(), n.phone(), eur(1), n.ref("x-5")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(reason(s.giveBack(id, n.web(), eur(1), n.ref("x-6"))))
        .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(s.balances(id))
        .isInstanceOfSatisfying(
            Selected.class, b -> assertThat(b.unallocated()).isEqualTo(eur(1000)));
  }

  /** A selection replays under its reference; with other content it is refused. */
  @Test
  default void selectionIsIdempotent() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);

    select(n, id, Map.of(n.phone(), eur(300)), "i-1");
    SelectionResult replay = select(n, id, Map.of(n.phone(), eur(300)), "i-1");
    SelectionResult other = select(n, id, Map.of(n.phone(), eur(400)), "i-1");

    assertThat(replay).isEqualTo(new Selected(eur(700), Map.of(n.phone(), eur(300)), true));
    assertThat(reason(other)).isEqualTo(DenialReason.DUPLICATE_REFERENCE);
  }

  /** An envelope is given back in part or whole, and re-split between services. */
  @Test
  default void giveBackAndResplit() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    ServiceSelector s = n.manager().selector();
    select(n, id, Map.of(n.phone(), eur(500)), "g-1");

    assertThat(s.giveBack(id, n.phone(), eur(200), n.ref("g-2")))
        .isEqualTo(new Selected(eur(700), Map.of(n.phone(), eur(300)), false));
    assertThat(s.move(id, n.phone(), n.web(), eur(100), n.ref("g-3")))
        .isEqualTo(new Selected(eur(700), Map.of(n.phone(), eur(200), n.web(), eur(100)), false));
    assertThat(s.giveBack(id, n.web(), null, n.ref("g-4")))
        .isEqualTo(new Selected(eur(800), Map.of(n.phone(), eur(200), n.web(), eur(0)), false));
    assertThat(s.giveBack(id, n.web(), null, n.ref("g-4")))
        .isEqualTo(new Selected(eur(800), Map.of(n.phone(), eur(200), n.web(), eur(0)), true));
    assertThat(reason(s.move(id, n.phone(), n.web(), eur(201), n.ref("g-5"))))
        .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(reason(s.giveBack(id, n.phone(), eur(201), n.ref("g-6"))))
        .isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
  }

  // claim 4: sub-IDs

  /** The same sub-ID every time, told apart by its form, working at its own service only. */
  @Test
  default void subIdIsIssuedOnceAndWorksAtItsServiceOnly() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    SettlementManager m = n.manager();

    IdNumber sub = subId(m.subId(id, n.phone(), "kiosk"));
    IdNumber again = subId(m.subId(id, n.phone(), "kiosk"));
    IdNumber other = subId(m.subId(id, n.web(), "kiosk"));

    assertThat(again).isEqualTo(sub);
    assertThat(other).isNotEqualTo(sub);
    assertThat(sub.length()).isEqualTo(id.length() + 2);
    assertThat(n.spend(n.phone(), sub, 100))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(900)));
    Denial elsewhere = (Denial) n.spend(n.web(), sub, 100);
    assertThat(elsewhere.reason())
        .as("another service's sub-ID is answered as one never issued")
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(elsewhere.publicReason()).isEqualTo(PublicReason.NOT_USABLE);
    assertThat(n.spend(n.web(), other, 100)).isInstanceOf(Permit.class);
  }

  /** A sub-ID spends what its ID would at the service: the envelope where there is one. */
  @Test
  default void subIdSpendsTheEnvelope() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    select(n, id, Map.of(n.phone(), eur(300)), "se-1");
    IdNumber sub = subId(n.manager().subId(id, n.phone(), "kiosk"));

    Permit p = (Permit) n.spend(n.phone(), sub, 100);

    assertThat(p.balance()).isEqualTo(eur(200));
    assertThat(p.lowBalance()).isTrue();
    assertThat(n.events()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(sub));
  }

  /** A revoked sub-ID is refused; the ID and its value are untouched; the next sub-ID is new. */
  @Test
  default void revokedSubIdIsRefusedAndReplaced() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    SettlementManager m = n.manager();
    IdNumber sub = subId(m.subId(id, n.phone(), "kiosk"));

    assertThat(m.revokeSubId(sub)).isEqualTo(new Blocked(1));
    assertThat(m.revokeSubId(sub)).isEqualTo(new Blocked(0));

    assertThat(reason(n.spend(n.phone(), sub, 1)))
        .as("a revoked sub-ID is answered as one never issued")
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(n.spend(n.phone(), id, 100)).isInstanceOf(Permit.class);
    IdNumber next = subId(m.subId(id, n.phone(), "kiosk"));
    assertThat(next).isNotEqualTo(sub);
    assertThat(n.spend(n.phone(), next, 100))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.balance()).isEqualTo(eur(800)));
    m.block(id);
    assertThat(reason(n.spend(n.phone(), next, 1))).isEqualTo(DenialReason.BLOCKED);
  }

  /** Sub-IDs are issued only for validated IDs at their own service; bad input is refused. */
  @Test
  default void subIdRefusals() {
    NetworkFixture n = net();
    SettlementManager m = n.manager();
    IdNumber routed = n.routed(500, n.phone());
    IdNumber unknownSub = IdNumberGenerator.secure(new IdNumberFormat(routed.length() + 2)).next();

    assertThat(reason(m.subId(n.issued(), n.phone(), "kiosk"))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(
            reason(
                m.subId(
                    IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next(), n.phone(), "kiosk")))
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(reason(m.subId(routed, n.web(), "kiosk"))).isEqualTo(DenialReason.WRONG_SERVICE);
    assertThat(reason(n.spend(n.phone(), unknownSub, 1))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(reason(m.revokeSubId(unknownSub))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThatThrownBy(() -> m.subId(routed, "nowhere", "kiosk"))
        .isInstanceOf(InvalidRequestException.class);
    IdNumber sub = subId(m.subId(routed, n.phone(), "kiosk"));
    assertThatThrownBy(() -> m.subId(sub, n.phone(), "kiosk"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> m.revokeSubId(routed)).isInstanceOf(InvalidRequestException.class);
  }

  /** Many threads asking for the sub-ID of one ID at one service: one sub-ID, one key. */
  @Test
  default void concurrentSubIdIssuanceMakesOne() throws Exception {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    int threads = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<IdNumber>> futures = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return subId(n.manager().subId(id, n.phone(), "kiosk"));
                }));
      }
      start.countDown();
      java.util.Set<IdNumber> seen = new java.util.HashSet<>();
      for (java.util.concurrent.Future<IdNumber> f : futures) {
        seen.add(f.get());
      }
      assertThat(seen).hasSize(1);
      dev.idsettle.ledger.AccountId master = n.settle().account(id).orElseThrow().id();
      assertThat(tck().store().keysOwnedBy(master))
          .filteredOn(k -> k.tag().startsWith("sub:"))
          .hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // claims 7 and 11 on envelopes

  /**
   * The warning is judged on what the requesting service can spend (its envelope), once per
   * crossing of the reference.
   */
  @Test
  default void lowBalanceWarningOnTheEnvelope() {
    NetworkFixture n = net();
    IdNumber id = n.active(1000);
    select(n, id, Map.of(n.phone(), eur(500)), "w-1");

    Permit above = (Permit) n.spend(n.phone(), id, 150);
    Permit crossing = (Permit) n.spend(n.phone(), id, 100);
    Permit below = (Permit) n.spend(n.phone(), id, 10);

    assertThat(above.lowBalance()).isFalse();
    assertThat(crossing.lowBalance()).isTrue();
    assertThat(crossing.balance()).isEqualTo(eur(250));
    assertThat(below.lowBalance()).isTrue();
    assertThat(n.events()).hasSize(1);
    assertThat(n.events().get(0).service()).isEqualTo(n.phone());
    assertThat(n.events().get(0).balance()).isEqualTo(eur(250));
  }

  /** Not validated means no service, with or without envelopes or routes. */
  @Test
  default void notValidatedMeansNoService() {
    NetworkFixture n = net();
    IdNumber unsold = n.issued();

    assertThat(reason(n.spend(n.phone(), unsold, 1))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(reason(n.manager().selector().select(unsold, Map.of(n.web(), eur(1)), n.ref("v-1"))))
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(reason(n.spend(n.web(), unsold, 1))).isEqualTo(DenialReason.UNKNOWN_ID);
  }

  private static SelectionResult select(
      NetworkFixture n, IdNumber id, Map<String, Money> amounts, String reference) {
    return n.manager().selector().select(id, amounts, n.ref(reference));
  }

  private static IdNumber subId(SubIdResult result) {
    assertThat(result).isInstanceOf(SubIdIssued.class);
    return ((SubIdIssued) result).subId();
  }

  private static DenialReason reason(Object result) {
    assertThat(result).isInstanceOf(Denial.class);
    return ((Denial) result).reason();
  }

  /**
   * Reversing a routed activation brings the value back out of the service's envelope and leaves
   * the ID unsold, when nothing was spent.
   */
  @Test
  default void aRoutedActivationReversesWhenNothingWasSpent() {
    NetworkFixture n = net();
    IdNumber id = n.issued();
    String reference = n.ref("sale");
    assertThat(n.manager().activate(n.till(), id, eur(1000), n.phone(), reference))
        .isInstanceOf(Activated.class);

    var reversed = n.settle().terminal(n.till()).reverse(id, reference);

    assertThat(reversed).isEqualTo(new dev.idsettle.roles.Reversed(eur(1000), false));
    assertThat(n.settle().account(id).orElseThrow().state())
        .isEqualTo(dev.idsettle.ledger.AccountState.ISSUED);
    assertThat(n.settle().cash(n.till())).isEqualTo(eur(0));
    // unsold again: answered like an ID never issued (the guessing defence)
    assertThat(reason(n.spend(n.phone(), id, 1))).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(n.settle().terminal(n.till()).reverse(id, reference))
        .isEqualTo(new dev.idsettle.roles.Reversed(eur(1000), true));
    assertThat(n.manager().activate(n.till(), id, eur(200), n.phone(), n.ref("again")))
        .isInstanceOf(Activated.class);
    assertThat(n.spend(n.phone(), id, 200)).isInstanceOf(Permit.class);
  }

  /** A routed activation whose envelope was spent from is not reversed, and the reason says so. */
  @Test
  default void aRoutedActivationIsNotReversedOnceSpent() {
    NetworkFixture n = net();
    IdNumber id = n.issued();
    String reference = n.ref("sale");
    n.manager().activate(n.till(), id, eur(1000), n.phone(), reference);
    assertThat(n.spend(n.phone(), id, 100)).isInstanceOf(Permit.class);

    var refused = n.settle().terminal(n.till()).reverse(id, reference);

    assertThat(refused)
        .isInstanceOfSatisfying(
            Denial.class,
            d -> {
              assertThat(d.reason()).isEqualTo(DenialReason.ALREADY_USED);
              assertThat(d.message()).contains("routed to service " + n.phone());
            });
    assertThat(n.manager().query(id, n.phone(), "kiosk"))
        .isEqualTo(new Valid(eur(900), true, false));
  }
}
