package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Linked;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.ThrottledEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The guessing defence on the paths of claims 4, 8 and 9 (issue 19): the holders' linked device
 * answers to its service's budgets, in the order of a batch; linking and merging count their misses
 * in the manager's shared budget, and a merge answers an unsold ID as an unknown one; a sub-ID of
 * another service is answered as one never issued. Part of {@link LedgerStoreContract}.
 */
public interface GuardedHoldersContract extends GuardContract {

  /** {@code count} active IDs of 100 linked to one new holder, on {@code settle}. */
  private static List<IdNumber> linkedIds(IdSettle settle, SettlementManager manager, int count) {
    Holders holders = Holders.over(manager);
    String holder = "customer-" + UUID.randomUUID();
    SettlementTerminal till = settle.terminal("till-" + UUID.randomUUID());
    List<IdNumber> ids = settle.issuer().issue(count, ExpiryPolicy.never()).ids();
    for (IdNumber id : ids) {
      till.activate(id, eur(100), "sale-" + UUID.randomUUID());
      assertThat(holders.link(holder, id, "link-" + UUID.randomUUID())).isInstanceOf(Linked.class);
    }
    return ids;
  }

  private static DenialReason reason(Object result) {
    return ((Denial) result).reason();
  }

  @Test
  default void theLinkedDeviceAnswersToItsServiceBudgetsInTheOrderOfABatch() {
    IdSettle settle = guarded(new GuessingBudgets(3, 100, 100, Duration.ofMinutes(5)));
    SettlementManager manager = SettlementManager.over(settle);
    Service svc = GuardContract.service();
    manager.register(svc);
    List<IdNumber> ids = linkedIds(settle, manager, 2);
    SettlementAuthenticator linked = Holders.over(manager).authenticator(svc.name());
    List<AuthorizationRequest> requests = new ArrayList<>();
    requests.add(new AuthorizationRequest(ids.get(0), eur(150), "k", "first"));
    for (int i = 0; i < 5; i++) {
      requests.add(new AuthorizationRequest(GuardContract.unknown(), eur(1), "k", "guess-" + i));
    }
    requests.add(new AuthorizationRequest(ids.get(1), eur(150), "k", "after"));

    List<AuthorizationResult> results = linked.authorizeAll(requests);
    Object alone = linked.authorize(new AuthorizationRequest(ids.get(1), eur(10), "k", "alone"));
    Object plain =
        manager
            .authenticator(svc.name())
            .authorize(new AuthorizationRequest(ids.get(1), eur(10), "k", "plain"));

    assertThat(results.get(0))
        .as("a linked request before the misses spends across the holder's IDs")
        .isInstanceOf(Permit.class);
    assertThat(results.subList(1, 4))
        .extracting(r -> reason(r))
        .containsOnly(DenialReason.UNKNOWN_ID);
    assertThat(results.subList(4, 7))
        .as("past the budget of 3, the rest of the batch is refused, the linked request too")
        .extracting(r -> reason(r))
        .containsOnly(DenialReason.THROTTLED);
    assertThat(reason(alone))
        .as("the linked device is throttled")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(reason(plain))
        .as("the service's device counted the linked device's misses")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(
            settle.account(ids.get(0)).orElseThrow().posted()
                + settle.account(ids.get(1)).orElseThrow().posted())
        .as("only the first request moved value")
        .isEqualTo(50);
  }

  @Test
  default void linkingAndMergingCountMissesAndAMergeAnswersAnUnsoldIdAsUnknown() {
    IdSettle settle = guarded(new GuessingBudgets(100, 4, 100, Duration.ofMinutes(5)));
    List<ThrottledEvent> events = new CopyOnWriteArrayList<>();
    settle.addThrottleListener(events::add);
    SettlementManager manager = SettlementManager.over(settle);
    Holders holders = Holders.over(manager);
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    String holder = "customer-" + UUID.randomUUID();

    Denial mergeUnknown = (Denial) holders.merge(holder, GuardContract.unknown(), "m1");
    Denial mergeUnsold = (Denial) holders.merge(holder, unsold, "m2");
    Object linkUnknown = holders.link(holder, GuardContract.unknown(), "l1");
    Object linkUnknown2 = holders.link(holder, GuardContract.unknown(), "l2");
    Object past = holders.link(holder, GuardContract.unknown(), "l3");

    assertThat(List.of(mergeUnknown, mergeUnsold, linkUnknown, linkUnknown2))
        .extracting(r -> reason(r), r -> ((Denial) r).balance())
        .containsOnly(org.assertj.core.groups.Tuple.tuple(DenialReason.UNKNOWN_ID, null));
    assertThat(mergeUnknown.message().replaceAll("\\d", "#"))
        .isEqualTo(mergeUnsold.message().replaceAll("\\d", "#"));
    assertThat(reason(past))
        .as("the fifth miss is past the manager's shared budget of 4")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(events)
        .extracting(ThrottledEvent::scope, ThrottledEvent::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ThrottledEvent.Scope.SOURCE, "role:manager"));
    assertThat(settle.journal(unsold, 0, 10)).as("no row names the unsold ID").isEmpty();
  }

  @Test
  default void aSubIdOfAnotherServiceIsAnsweredAsOneNeverIssued() {
    IdSettle settle = guarded(new GuessingBudgets(3, 100, 100, Duration.ofMinutes(5)));
    SettlementManager manager = SettlementManager.over(settle);
    Service phone = GuardContract.service();
    Service web = GuardContract.service();
    manager.register(phone);
    SettlementAuthenticator atWeb = manager.register(web);
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till-" + UUID.randomUUID()).activate(id, eur(100), "sale");
    IdNumber phones = ((SubIdIssued) manager.subId(id, phone.name(), "kiosk")).subId();
    IdNumber neverIssued = IdNumberGenerator.secure(new IdNumberFormat(phones.length())).next();

    Denial other = (Denial) atWeb.authorize(new AuthorizationRequest(phones, eur(1), "k", "w1"));
    Denial never =
        (Denial) atWeb.authorize(new AuthorizationRequest(neverIssued, eur(1), "k", "w2"));
    Object revoke = manager.revokeSubId(phones, web.name());
    Object past = atWeb.authorize(new AuthorizationRequest(phones, eur(1), "k", "w3"));

    assertThat(List.of(other, never, revoke))
        .extracting(r -> reason(r), r -> ((Denial) r).publicReason(), r -> ((Denial) r).balance())
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                DenialReason.UNKNOWN_ID, never.publicReason(), null));
    assertThat(other.message().replace(phones.toString(), "#"))
        .isEqualTo(never.message().replace(neverIssued.toString(), "#"));
    assertThat(other.replayed()).isEqualTo(never.replayed());
    assertThat(reason(past))
        .as("another service's sub-ID is a miss in the budget (3)")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(
            manager
                .authenticator(phone.name())
                .authorize(new AuthorizationRequest(phones, eur(1), "k", "p1")))
        .as("the sub-ID still works at its own service: the other's revoke left it")
        .isInstanceOf(Permit.class);
    assertThat(manager.revokeSubId(phones, phone.name())).isEqualTo(new Blocked(1));
  }
}
