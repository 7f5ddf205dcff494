package dev.idsettle.operator;

import static dev.idsettle.operator.World.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PrintedSlip;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.Slips;
import dev.idsettle.roles.SlipsActivated;
import dev.idsettle.store.memory.MemoryStore;
import dev.idsettle.tck.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's figures on a small scenario computed by hand: a batch of four slips for the phone
 * service, two sold and one of them spent on; two plain IDs, one spent at phone, one at web and
 * expiring after ten days. Judged on day 15 (the short-lived ID is breakage) and on day 31 (the
 * slips too).
 */
class OperatorReportTest {
  final MutableClock clock = MutableClock.at(World.T0);
  IdSettle settle;

  @BeforeEach
  void trade() {
    settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(World.random(32))
            .currency(World.EUR)
            .clock(clock)
            .build();
    SettlementManager manager = SettlementManager.over(settle);
    SettlementAuthenticator phone = manager.register(new Service("phone", eur(1000)));
    Slips slips = Slips.over(manager);
    IssuedSlips batch =
        slips.issue("B7", 1, 4, eur(500), "phone", ExpiryPolicy.afterActivation(30));
    slips.advance("B7", BatchState.PRINTED);
    slips.advance("B7", BatchState.DISTRIBUTED);
    List<Slip> sold = batch.slips().subList(0, 2);
    assertThat(
            slips.activate(
                "till-1",
                sold.stream()
                    .map(s -> new PrintedSlip(s.id(), s.serial().toString(), s.faceValue()))
                    .toList(),
                eur(1000),
                "sheet-1"))
        .isInstanceOf(SlipsActivated.class);
    assertThat(phone.authorize(request(sold.get(0).id(), 200, "till-1", "p-1")))
        .isInstanceOf(Permit.class);

    IdNumber a = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    IdNumber b = settle.issuer().issue(1, ExpiryPolicy.afterActivation(10)).ids().get(0);
    assertThat(settle.terminal("till-2").activate(a, eur(2000), "s-a"))
        .isInstanceOf(Activated.class);
    assertThat(settle.terminal("till-2").activate(b, eur(800), "s-b"))
        .isInstanceOf(Activated.class);
    assertThat(phone.authorize(request(a, 300, "kiosk-1", "p-2"))).isInstanceOf(Permit.class);
    assertThat(
            settle
                .authenticator(new Service("web", eur(1000)), "kiosk-2")
                .authorize(request(b, 100, "kiosk-2", "w-1")))
        .isInstanceOf(Permit.class);
  }

  @AfterEach
  void close() {
    settle.close();
  }

  static AuthorizationRequest request(IdNumber id, long minor, String terminal, String ref) {
    return new AuthorizationRequest(id, eur(minor), terminal, ref);
  }

  OperatorReport report() {
    return OperatorReports.over(settle)
        .report(ReportScope.everything().withBatches("B7").withTerminals("till-1", "till-2"));
  }

  @Test
  void onDay15TheShortLivedIdIsBreakageAndTheRestOutstanding() {
    clock.advance(Duration.ofDays(15));
    OperatorReport r = report();

    assertThat(r.asOf()).isEqualTo(World.T0.plus(Duration.ofDays(15)));
    assertThat(r.currency()).isEqualTo("EUR");
    // slips: 300 + 500 in their phone envelopes; a: 2000 - 300; b: 800 - 100, expired on day 10
    assertThat(r.totals())
        .isEqualTo(
            new ReportTotals(
                eur(300 + 500 + 1700), eur(1700), eur(700), eur(200 + 300 + 100), eur(3800), 8, 1));
    assertThat(r.batches())
        .containsExactly(
            new BatchFigures(
                "B7", "phone", BatchState.DISTRIBUTED, 4, 2, 2, 0, eur(1000), eur(800), eur(0)));
    assertThat(r.services())
        .containsExactly(
            new ServiceFigures("phone", eur(500), eur(800), eur(0)),
            new ServiceFigures("web", eur(100), eur(0), eur(0)));
    assertThat(r.terminals())
        .extracting(TerminalFigures::terminal, TerminalFigures::named, TerminalFigures::cash)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("till-1", true, eur(1000)),
            org.assertj.core.groups.Tuple.tuple("till-2", true, eur(2800)));
    assertThat(r.terminals().get(0).account())
        .isEqualTo(settle.operatorAccounts().cash("till-1").toString());
    assertThat(settle.cash("till-2")).isEqualTo(r.terminals().get(1).cash());
    assertThat(settle.revenue("phone")).isEqualTo(r.services().get(0).revenue());
  }

  @Test
  void onDay31TheSoldSlipsHaveExpiredToo() {
    OperatorReport r =
        OperatorReports.over(settle)
            .report(
                ReportScope.everything().withBatches("B7").at(World.T0.plus(Duration.ofDays(31))));

    assertThat(r.totals().outstanding()).isEqualTo(eur(1700));
    assertThat(r.totals().breakage()).isEqualTo(eur(700 + 800));
    assertThat(r.totals().expiredAccounts()).isEqualTo(3);
    assertThat(r.batches().get(0).outstanding()).isEqualTo(eur(0));
    assertThat(r.batches().get(0).breakage()).isEqualTo(eur(800));
    assertThat(r.services().get(0))
        .isEqualTo(new ServiceFigures("phone", eur(500), eur(0), eur(800)));
    // terminals not named are listed by their cash accounts
    assertThat(r.terminals())
        .extracting(TerminalFigures::named, TerminalFigures::terminal, TerminalFigures::cash)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                false, settle.operatorAccounts().cash("till-1").toString(), eur(1000)),
            org.assertj.core.groups.Tuple.tuple(
                false, settle.operatorAccounts().cash("till-2").toString(), eur(2800)));
  }

  @Test
  void aNamedServiceWithoutTransfersIsReportedAtZeroAndProgressEndsDone() {
    long[] last = new long[2];
    OperatorReport r =
        OperatorReports.over(settle)
            .report(
                ReportScope.everything().withServices("parking"),
                (done, total) -> {
                  last[0] = done;
                  last[1] = total;
                });

    assertThat(r.services())
        .extracting(ServiceFigures::service)
        .containsExactly("parking", "phone", "web");
    assertThat(r.services().get(0))
        .isEqualTo(new ServiceFigures("parking", eur(0), eur(0), eur(0)));
    assertThat(last[0]).isPositive().isEqualTo(last[1]);
  }

  @Test
  void theJsonFormIsStable() {
    String json =
        OperatorJson.write(
            OperatorReports.over(settle)
                .report(ReportScope.everything().withBatches("B7").at(World.T0)));

    assertThat(json)
        .contains("\"asOf\" : \"2026-03-10T08:00:00Z\"")
        .contains("\"outstanding\" : {\n      \"minor\" : 3200,\n      \"currency\" : \"EUR\"")
        .contains("\"prefix\" : \"B7\"")
        .contains("\"state\" : \"DISTRIBUTED\"");
    assertThat(json.indexOf("\"asOf\"")).isLessThan(json.indexOf("\"totals\""));
  }

  @Test
  @SuppressWarnings("NullAway") // null on purpose: the refusal is what is tested
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> OperatorReports.over(null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("settle");
    assertThatThrownBy(
            () -> OperatorReports.over(settle).report(ReportScope.everything().withBatches("NOPE")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("NOPE");
    assertThatThrownBy(() -> ReportScope.everything().withTerminals(""))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("terminals[0]");
    assertThatThrownBy(() -> OperatorJson.write("text"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> OperatorReports.over(settle).report(null))
        .isInstanceOf(InvalidRequestException.class);
  }
}
