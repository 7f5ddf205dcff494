package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Blocked;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.Selected;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.SubIdIssued;
import dev.idsettle.roles.Valid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roles as a remote party sees them: the same tests run over every transport, and each compares
 * what the party was told with what the ledger holds.
 */
abstract class RolesOverTransportContract {
  Network net;
  SettlementTerminal till;
  SettlementAuthenticator phone;
  ManagerClient tillClient;
  ManagerClient phoneClient;
  ManagerClient parkingClient;

  /** A transport that speaks for {@code party} to {@code net}'s manager. */
  abstract Transport transport(Network net, Party party);

  /** Starts what the transport needs (a server). */
  void start(Network net) {}

  /** Stops it. */
  void stop() {}

  @BeforeEach
  void setUp() {
    net = new Network();
    start(net);
    tillClient = ManagerClient.over(transport(net, Network.TILL));
    phoneClient = ManagerClient.over(transport(net, Network.PHONE_DEVICE));
    parkingClient = ManagerClient.over(transport(net, Network.PARKING_DEVICE));
    till = tillClient.terminal();
    phone = phoneClient.authenticator(Network.PHONE);
  }

  @AfterEach
  void tearDown() {
    stop();
    net.close();
  }

  static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  AuthorizationRequest debit(IdNumber id, long minor, String reference) {
    return new AuthorizationRequest(id, eur(minor), "ignored-kiosk", reference);
  }

  @Test
  void aTerminalActivatesAndAnAuthenticatorAuthorizes() {
    IdNumber id = net.issue(1).get(0);
    Activated activated = (Activated) till.activate(id, eur(2000), "sale-1");
    assertThat(activated.balance()).isEqualTo(eur(2000));
    assertThat(till.terminalId()).isEqualTo("till-1");
    assertThat(net.settle.cash("till-1")).isEqualTo(eur(2000));

    Permit permit = (Permit) phone.authorize(debit(id, 1800, "call-1"));
    assertThat(permit.balance()).isEqualTo(eur(200));
    assertThat(permit.lowBalance()).isTrue();
    assertThat(permit.replayed()).isFalse();
    assertThat(net.balance(id)).isEqualTo(200);
    assertThat(net.settle.revenue("phone")).isEqualTo(eur(1800));
  }

  @Test
  void aRetryWithTheSameReferenceReturnsTheOriginalAnswer() {
    IdNumber id = net.issue(1).get(0);
    Activated first = (Activated) till.activate(id, eur(1000), "sale-1");
    Activated again = (Activated) till.activate(id, eur(1000), "sale-1");
    assertThat(again.replayed()).isTrue();
    assertThat(again.transferId()).isEqualTo(first.transferId());

    Permit permit = (Permit) phone.authorize(debit(id, 100, "call-1"));
    Permit replay = (Permit) phone.authorize(debit(id, 100, "call-1"));
    assertThat(replay.replayed()).isTrue();
    assertThat(replay.transferId()).isEqualTo(permit.transferId());
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void denialsCrossTheWireWithTheirReasonAndBalance() {
    IdNumber id = net.issue(1).get(0);
    IdNumber neverSold = net.issue(1).get(0);
    till.activate(id, eur(100), "sale-1");
    Denial tooMuch = (Denial) phone.authorize(debit(id, 150, "call-1"));
    assertThat(tooMuch.reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(tooMuch.balance()).isEqualTo(eur(100));
    assertThat(tooMuch.message()).doesNotContain(id.digits());
    Denial replay = (Denial) phone.authorize(debit(id, 150, "call-1"));
    assertThat(replay.replayed()).isTrue();
    Denial notSold = (Denial) phone.authorize(debit(neverSold, 10, "call-2"));
    // an unsold ID is answered like one never issued (the guessing defence)
    assertThat(notSold.reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(net.balance(id)).isEqualTo(100);
  }

  @Test
  void aTerminalReversesItsActivation() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(700), "sale-1");
    Reversed reversed = (Reversed) till.reverse(id, "sale-1");
    assertThat(reversed.amount()).isEqualTo(eur(700));
    assertThat(((Reversed) till.reverse(id, "sale-1")).replayed()).isTrue();
    assertThat(net.settle.cash("till-1")).isEqualTo(eur(0));
  }

  @Test
  void aRoutedActivationServesItsServiceOnly() {
    IdNumber id = net.issue(1).get(0);
    assertThat(tillClient.activate(id, eur(500), "parking", "sale-1"))
        .isInstanceOf(Activated.class);
    Valid valid = (Valid) parkingClient.query(id);
    assertThat(valid.spendable()).isEqualTo(eur(500));
    assertThat(valid.fromEnvelope()).isTrue();
    Denial elsewhere = (Denial) phone.authorize(debit(id, 100, "call-1"));
    assertThat(elsewhere.reason()).isEqualTo(DenialReason.WRONG_SERVICE);
    SettlementAuthenticator parking = parkingClient.authenticator(Network.PARKING);
    assertThat(parking.authorize(debit(id, 100, "park-1"))).isInstanceOf(Permit.class);
  }

  @Test
  void aSubIdWorksAtItsServiceUntilRevoked() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(1000), "sale-1");
    SubIdIssued issued = (SubIdIssued) phoneClient.subId(id);
    assertThat(issued.service()).isEqualTo("phone");
    assertThat(issued.subId().length()).isEqualTo(id.length() + 2);
    assertThat(((SubIdIssued) phoneClient.subId(id)).subId()).isEqualTo(issued.subId());
    assertThat(phone.authorize(debit(issued.subId(), 100, "call-1"))).isInstanceOf(Permit.class);

    // another service's authenticator can neither spend nor revoke it, nor learn that it exists
    Denial notThere = (Denial) parkingClient.revokeSubId(issued.subId());
    assertThat(notThere.reason()).isEqualTo(DenialReason.UNKNOWN_ID);

    assertThat(((Blocked) phoneClient.revokeSubId(issued.subId())).accounts()).isPositive();
    Denial revoked = (Denial) phone.authorize(debit(issued.subId(), 100, "call-2"));
    assertThat(revoked.reason())
        .as("a revoked sub-ID is answered as one never issued")
        .isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void theUserSplitsValueOverServices() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(1000), "sale-1");
    Selected selected =
        (Selected)
            tillClient.selector().select(id, Map.of("phone", eur(300), "parking", eur(200)), "s-1");
    assertThat(selected.unallocated()).isEqualTo(eur(500));
    assertThat(selected.envelopes()).containsEntry("phone", eur(300));
    Selected moved = (Selected) tillClient.selector().move(id, "phone", "parking", eur(100), "s-2");
    assertThat(moved.envelopes()).containsEntry("parking", eur(300));
    Selected back = (Selected) tillClient.selector().giveBack(id, "parking", null, "s-3");
    assertThat(back.unallocated()).isEqualTo(eur(800));
    Selected now = (Selected) tillClient.selector().balances(id);
    assertThat(now.envelopes()).containsEntry("phone", eur(200));
  }

  @Test
  void authorizeAllAnswersEachRequestInOrder() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(250), "sale-1");
    List<AuthorizationResult> results =
        phone.authorizeAll(
            List.of(debit(id, 100, "b-1"), debit(id, 100, "b-2"), debit(id, 100, "b-3")));
    assertThat(results).hasSize(3);
    assertThat(results.get(0)).isInstanceOf(Permit.class);
    assertThat(results.get(1)).isInstanceOf(Permit.class);
    assertThat(((Denial) results.get(2)).reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(net.balance(id)).isEqualTo(50);
  }

  @Test
  void aTerminalBlocksALostId() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(250), "sale-1");
    assertThat(((Blocked) tillClient.block(id)).accounts()).isEqualTo(1);
    Denial blocked = (Denial) phone.authorize(debit(id, 100, "call-1"));
    assertThat(blocked.reason()).isEqualTo(DenialReason.BLOCKED);
  }

  @Test
  void aPartyMayAskOnlyWhatItsRoleDoes() {
    IdNumber id = net.issue(1).get(0);
    assertThatThrownBy(() -> tillClient.authenticator(Network.PHONE).authorize(debit(id, 1, "x")))
        .isInstanceOfSatisfying(
            RefusedRequestException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThatThrownBy(() -> phoneClient.terminal().activate(id, eur(100), "sale-1"))
        .isInstanceOf(RefusedRequestException.class);
    assertThat(net.settle.account(id).orElseThrow().available()).isZero();
  }

  @Test
  void aRequestTheRoleFindsInvalidIsA400AndChangesNothing() {
    IdNumber id = net.issue(1).get(0);
    till.activate(id, eur(1000), "sale-1");
    assertThatThrownBy(
            () -> tillClient.selector().select(id, Map.of("no-such-service", eur(1)), "s-1"))
        .isInstanceOf(InvalidRequestException.class)
        .isNotInstanceOf(RefusedRequestException.class)
        .hasMessageContaining("no-such-service");
    assertThat(net.balance(id)).isEqualTo(1000);
  }
}
