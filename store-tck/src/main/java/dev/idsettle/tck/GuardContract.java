package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.GuessingBudgets;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.ThrottledEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The guessing defence and the limits of an ID over the store (issue 19): an ID never issued and
 * one issued and not sold are answered alike and leave no row, a batch spends the budget per ID,
 * references belong to the handle that made them, and the balance limit holds on every credit. Part
 * of {@link LedgerStoreContract}, so every store proves it.
 */
public interface GuardContract extends ContractTest {
  /** A fresh issuer key per run that is no pattern. */
  static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** Roles over the fixture's store with {@code budgets}. */
  default IdSettle guarded(GuessingBudgets budgets) {
    LedgerFixture f = tck();
    return IdSettle.builder(f.store())
        .issuerKey(key())
        .clock(f.clock())
        .guessingBudgets(budgets)
        .build();
  }

  /** A service of a name no other test uses. */
  static Service service() {
    return new Service("svc-" + UUID.randomUUID().toString().substring(0, 8), eur(0));
  }

  /** An ID number nobody issued. */
  static IdNumber unknown() {
    return IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
  }

  @Test
  default void unknownAndUnsoldIdsAreAnsweredAlikeOnEveryPathAndLeaveNoRow() {
    IdSettle settle = guarded(new GuessingBudgets(100, 100, 100, Duration.ofMinutes(5)));
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    SettlementAuthenticator phone = settle.authenticator(service(), "kiosk-1");
    SettlementTerminal till = settle.terminal("till-" + UUID.randomUUID());

    Denial a = (Denial) phone.authorize(new AuthorizationRequest(unknown(), eur(1), "k", "a1"));
    Denial b = (Denial) phone.authorize(new AuthorizationRequest(unsold, eur(1), "k", "a2"));
    List<AuthorizationResult> batch =
        phone.authorizeAll(
            List.of(
                new AuthorizationRequest(unsold, eur(1), "k", "a3"),
                new AuthorizationRequest(unknown(), eur(1), "k", "a4")));
    Object c = till.reverse(unknown(), "lost-1");
    Object d = till.reverse(unsold, "lost-2");

    assertThat(List.of(a, b, batch.get(0), batch.get(1)))
        .allSatisfy(r -> assertThat(((Denial) r).reason()).isEqualTo(DenialReason.UNKNOWN_ID))
        .extracting(r -> ((Denial) r).publicReason(), r -> ((Denial) r).balance())
        .containsOnly(org.assertj.core.groups.Tuple.tuple(a.publicReason(), null));
    assertThat(List.of(c, d)).containsOnly(new Reversed(eur(0), false));
    assertThat(settle.journal(unsold, 0, 10)).as("no row names the unsold ID").isEmpty();
    assertThat(settle.account(unsold).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
    assertThat(((Denial) till.activate(unsold, eur(500), "lost-2")).reason())
        .as("the reversal of nothing still bars a late activation under its reference")
        .isEqualTo(DenialReason.REVERSED);
    assertThat(till.activate(unsold, eur(500), "sale-1")).isInstanceOf(Activated.class);
  }

  @Test
  default void aBatchSpendsTheBudgetPerIdAndTheRestIsRefusedNotRun() {
    IdSettle settle = guarded(new GuessingBudgets(5, 100, 100, Duration.ofMinutes(5)));
    List<ThrottledEvent> events = new CopyOnWriteArrayList<>();
    settle.addThrottleListener(events::add);
    IdNumber real = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till-" + UUID.randomUUID()).activate(real, eur(100), "s");
    List<AuthorizationRequest> requests = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      requests.add(new AuthorizationRequest(unknown(), eur(1), "k", "b" + i));
    }
    requests.add(new AuthorizationRequest(real, eur(1), "k", "real"));

    List<AuthorizationResult> results =
        settle.authenticator(service(), "kiosk-1").authorizeAll(requests);

    assertThat(results.subList(0, 5))
        .allSatisfy(r -> assertThat(((Denial) r).reason()).isEqualTo(DenialReason.UNKNOWN_ID));
    assertThat(results.subList(5, 41))
        .allSatisfy(r -> assertThat(((Denial) r).reason()).isEqualTo(DenialReason.THROTTLED));
    assertThat(settle.account(real).orElseThrow().posted()).isEqualTo(100);
    assertThat(events)
        .extracting(ThrottledEvent::scope)
        .containsExactly(ThrottledEvent.Scope.SOURCE);
  }

  /** The answers of {@code results}' denials: reason, public reason and balance, in order. */
  private static List<org.assertj.core.groups.Tuple> answers(List<?> results) {
    return results.stream()
        .map(
            r ->
                org.assertj.core.groups.Tuple.tuple(
                    ((Denial) r).reason(), ((Denial) r).publicReason(), ((Denial) r).balance()))
        .toList();
  }

  @Test
  default void aSubIdNeverIssuedAndARevokedOneAreAnsweredAlikeAndSpendTheBudget() {
    IdSettle settle = guarded(new GuessingBudgets(4, 100, 100, Duration.ofMinutes(5)));
    SettlementManager manager = SettlementManager.over(settle);
    Service svc = service();
    SettlementAuthenticator device = manager.register(svc);
    List<IdNumber> ids = settle.issuer().issue(2, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("till-" + UUID.randomUUID());
    till.activate(ids.get(0), eur(100), "s0");
    till.activate(ids.get(1), eur(100), "s1");
    IdNumber revoked = ((SubIdIssued) manager.subId(ids.get(0), svc.name(), "kiosk")).subId();
    IdNumber live = ((SubIdIssued) manager.subId(ids.get(1), svc.name(), "kiosk")).subId();
    assertThat(manager.revokeSubId(revoked)).isEqualTo(new Blocked(1));
    IdNumber neverIssued = IdNumberGenerator.secure(new IdNumberFormat(revoked.length())).next();

    Object a = device.authorize(new AuthorizationRequest(neverIssued, eur(1), "k", "a1"));
    Object b = device.authorize(new AuthorizationRequest(revoked, eur(1), "k", "a2"));
    List<AuthorizationResult> batch =
        device.authorizeAll(
            List.of(
                new AuthorizationRequest(revoked, eur(1), "k", "a3"),
                new AuthorizationRequest(neverIssued, eur(1), "k", "a4"),
                new AuthorizationRequest(revoked, eur(1), "k", "a5")));
    Object after = device.authorize(new AuthorizationRequest(live, eur(1), "k", "a6"));

    assertThat(answers(List.of(a, b, batch.get(0), batch.get(1))))
        .as("four misses, one answer")
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                DenialReason.UNKNOWN_ID, ((Denial) a).publicReason(), null));
    assertThat(((Denial) a).message().replace(neverIssued.toString(), "#"))
        .isEqualTo(((Denial) b).message().replace(revoked.toString(), "#"));
    assertThat(((Denial) batch.get(2)).reason())
        .as("the fifth miss is past the handle's budget of 4")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(((Denial) after).reason())
        .as("a handle that spent its budget is refused its real sub-IDs too")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(settle.account(ids.get(0)).orElseThrow().posted()).isEqualTo(100);
    assertThat(settle.account(ids.get(1)).orElseThrow().posted()).isEqualTo(100);
  }

  @Test
  default void theManagersCallsAnswerUnknownAndUnsoldIdsAlikeAndCountThemPerRequester() {
    IdSettle settle = guarded(new GuessingBudgets(3, 100, 100, Duration.ofMinutes(5)));
    SettlementManager manager = SettlementManager.over(settle);
    Service svc = service();
    manager.register(svc);
    List<IdNumber> ids = settle.issuer().issue(2, ExpiryPolicy.never()).ids();
    IdNumber unsold = ids.get(0);
    IdNumber real = ids.get(1);
    settle.terminal("till-" + UUID.randomUUID()).activate(real, eur(100), "s");

    List<Object> probes =
        List.of(
            manager.query(unknown(), svc.name(), "prober"),
            manager.query(unsold, svc.name(), "prober"),
            manager.subId(unsold, svc.name(), "prober"));
    Object past = manager.query(real, svc.name(), "prober");
    Object other = manager.query(real, svc.name(), "kiosk-2");
    Object selectUnknown =
        manager.selector().select(unknown(), Map.of(svc.name(), eur(1)), "sel-1");
    Object selectUnsold = manager.selector().select(unsold, Map.of(svc.name(), eur(1)), "sel-2");

    assertThat(answers(probes))
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                DenialReason.UNKNOWN_ID, ((Denial) probes.get(0)).publicReason(), null));
    assertThat(((Denial) past).reason())
        .as("the requester that spent its budget is refused its real IDs too")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(other).as("another requester is not locked out").isNotInstanceOf(Denial.class);
    assertThat(answers(List.of(selectUnknown, selectUnsold)))
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                DenialReason.UNKNOWN_ID, ((Denial) probes.get(0)).publicReason(), null));
    assertThat(settle.journal(unsold, 0, 10)).as("no row names the unsold ID").isEmpty();
    assertThat(settle.account(unsold).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
  }

  @Test
  default void theManagersBlocksAndActivationsSpendABudgetAndRaiseAnEvent() {
    IdSettle settle = guarded(new GuessingBudgets(2, 5, 100, Duration.ofMinutes(5)));
    List<ThrottledEvent> events = new CopyOnWriteArrayList<>();
    settle.addThrottleListener(events::add);
    SettlementManager manager = SettlementManager.over(settle);
    Service svc = service();
    manager.register(svc);
    IdNumber unsold = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    String till = "till-" + UUID.randomUUID();

    List<Object> blocks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      blocks.add(manager.block(unknown()));
    }
    Object activations1 = manager.activate(till, unknown(), eur(5), svc.name(), "r1");
    Object activations2 = manager.activate(till, unknown(), eur(5), svc.name(), "r2");
    Object sale = manager.activate(till, unsold, eur(5), svc.name(), "r3");
    Object sameTill = settle.terminal(till).activate(unsold, eur(5), "r4");

    assertThat(blocks.subList(0, 5))
        .allSatisfy(r -> assertThat(((Denial) r).reason()).isEqualTo(DenialReason.UNKNOWN_ID));
    assertThat(((Denial) blocks.get(5)).reason())
        .as("the manager's shared budget is a service's (5)")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(List.of(activations1, activations2))
        .allSatisfy(r -> assertThat(((Denial) r).reason()).isEqualTo(DenialReason.UNKNOWN_ID));
    assertThat(((Denial) sale).reason())
        .as("a terminal past its budget of 2 is refused its real sale too")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(((Denial) sameTill).reason())
        .as("the manager counts a terminal's misses in the budget its own handle spends")
        .isEqualTo(DenialReason.THROTTLED);
    assertThat(events)
        .extracting(ThrottledEvent::scope, ThrottledEvent::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ThrottledEvent.Scope.SOURCE, "role:manager"),
            org.assertj.core.groups.Tuple.tuple(ThrottledEvent.Scope.SOURCE, "terminal:" + till));
    assertThat(settle.account(unsold).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
  }

  @Test
  default void aReferenceBelongsToTheSourceThatMadeIt() {
    IdSettle settle = guarded(GuessingBudgets.DEFAULT);
    Service svc = service();
    List<IdNumber> ids = settle.issuer().issue(2, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("till-" + UUID.randomUUID());
    till.activate(ids.get(0), eur(100), "s0");
    till.activate(ids.get(1), eur(100), "s1");

    Object burnt =
        settle
            .authenticator(svc, "attacker")
            .authorize(new AuthorizationRequest(ids.get(0), eur(1), "kiosk-9", "r-2"));
    Object genuine =
        settle
            .authenticator(svc, "kiosk-9")
            .authorize(new AuthorizationRequest(ids.get(1), eur(1), "kiosk-9", "r-2"));

    assertThat(burnt).isInstanceOf(Permit.class);
    assertThat(genuine)
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.replayed()).isFalse());
  }

  @Test
  default void theBalanceLimitHoldsOnEveryCreditOfAnId() {
    LedgerFixture f = tck();
    IdSettle settle =
        IdSettle.builder(f.store())
            .issuerKey(key())
            .clock(f.clock())
            .maxBalance(eur(1_000))
            .build();
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    SettlementTerminal till = settle.terminal("till-" + UUID.randomUUID());

    Denial over = (Denial) till.activate(id, eur(1_500), "big");
    Denial again = (Denial) till.activate(id, eur(1_500), "big");

    assertThat(over.reason()).isEqualTo(DenialReason.BALANCE_LIMIT);
    assertThat(again.replayed()).isTrue();
    assertThat(settle.account(id).orElseThrow().state()).isEqualTo(AccountState.ISSUED);
    assertThat(till.activate(id, eur(1_000), "exact")).isInstanceOf(Activated.class);

    Ledger limited = Ledger.builder(f.store()).clock(f.clock()).maxIdBalance(1_000).build();
    AccountId direct = f.activeId(900);
    assertThat(topUp(limited, f, direct, 101).refusal()).isEqualTo(Refusal.BALANCE_LIMIT);
    assertThat(topUp(limited, f, direct, 100).applied()).isTrue();
    assertThat(f.account(direct).posted()).isEqualTo(1_000);
  }

  private static dev.idsettle.ledger.CommandResult topUp(
      Ledger ledger, LedgerFixture f, AccountId id, long amount) {
    return ledger
        .submit(LedgerBatch.create().add(Commands.topUp(TransferId.random(), id, f.cash(), amount)))
        .get(0);
  }
}
