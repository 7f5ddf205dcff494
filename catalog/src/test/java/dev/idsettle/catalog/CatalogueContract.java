package dev.idsettle.catalog;

import static dev.idsettle.catalog.Shop.MUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.catalog.CheckInResult.Admitted;
import dev.idsettle.catalog.CheckInResult.AlreadyUsed;
import dev.idsettle.catalog.CheckInResult.NotAdmitted;
import dev.idsettle.catalog.CheckInResult.Reason;
import dev.idsettle.catalog.PurchaseResult.Bought;
import dev.idsettle.catalog.PurchaseResult.Declined;
import dev.idsettle.catalog.PurchaseResult.NotDelivered;
import dev.idsettle.catalog.RefundResult.RefundRefusal;
import dev.idsettle.catalog.RefundResult.Refunded;
import dev.idsettle.catalog.RefundResult.Refused;
import dev.idsettle.id.IdNumber;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.spi.LedgerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every flow and refusal of the catalogue, on one store; each store's test class extends it. Tests
 * isolate themselves with fresh IDs and references, so one database serves a whole class.
 */
abstract class CatalogueContract {
  Shop shop;

  /** The store under test (may be shared by the tests of a class). */
  protected abstract LedgerStore store();

  /** The same data after a restart: a new store over the same database. */
  protected LedgerStore reopen() {
    return store();
  }

  @BeforeEach
  void open() {
    shop = new Shop(store());
  }

  @AfterEach
  void close() {
    shop.close();
  }

  static String ref() {
    return "order-" + UUID.randomUUID();
  }

  static Bought bought(PurchaseResult r) {
    assertThat(r).isInstanceOf(Bought.class);
    return (Bought) r;
  }

  @Test
  void goodsBoughtAreDebitedDeliveredAndARetryChangesNothing() {
    IdNumber id = shop.newId(2000);
    long revenue = shop.revenue();
    String ref = ref();
    Bought first = bought(shop.catalogue.buy(id, "mug", ref));
    assertThat(first.replayed()).isFalse();
    assertThat(first.ticket()).isNull();
    assertThat(first.balance().minor()).isEqualTo(1500);
    Bought again = bought(shop.catalogue.buy(id, "mug", ref));
    assertThat(again.replayed()).isTrue();
    assertThat(shop.balance(id)).isEqualTo(1500);
    assertThat(shop.revenue()).isEqualTo(revenue + 500);
    assertThat(delivered(ref).item()).isEqualTo(MUG);
    assertThat(shop.delivery.calls(ref)).isEqualTo(1);
  }

  @Test
  void aBalanceTooLowIsDeclinedAndNothingChanges() {
    IdNumber id = shop.newId(300);
    String ref = ref();
    PurchaseResult r = shop.catalogue.buy(id, "mug", ref);
    assertThat(r).isInstanceOf(Declined.class);
    assertThat(((Declined) r).denial().reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(shop.balance(id)).isEqualTo(300);
    assertThat(shop.delivery.calls(ref)).isZero();
    assertThat(shop.catalogue.refund(ref)).isEqualTo(new Refused(RefundRefusal.UNKNOWN_ORDER));
  }

  @Test
  void aFailedDeliveryGivesTheValueBackOnce() {
    IdNumber id = shop.newId(2000);
    long revenue = shop.revenue();
    String failing = ref();
    String throwing = ref();
    shop.delivery.failing.add(failing);
    shop.delivery.throwing.add(throwing);
    NotDelivered r = (NotDelivered) shop.catalogue.buy(id, "mug", failing);
    assertThat(r.reason()).isEqualTo("out of stock");
    assertThat(r.returned().minor()).isEqualTo(500);
    assertThat(r.replayed()).isFalse();
    NotDelivered t = (NotDelivered) shop.catalogue.buy(id, "concert-0312", throwing);
    assertThat(t.reason()).contains("IllegalStateException");
    assertThat(shop.balance(id)).isEqualTo(2000);
    // retried, even once the courier works again: the first answer, and nothing moves
    shop.delivery.failing.clear();
    NotDelivered retried = (NotDelivered) shop.catalogue.buy(id, "mug", failing);
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.returned().minor()).isEqualTo(500);
    assertThat(shop.balance(id)).isEqualTo(2000);
    assertThat(shop.revenue()).isEqualTo(revenue);
    assertThat(shop.delivery.calls(failing)).isEqualTo(1);
    assertThat(shop.catalogue.refund(failing)).isEqualTo(new Refused(RefundRefusal.ALREADY_CLOSED));
  }

  @Test
  void aRefundOfGoodsRestoresTheIdOnce() {
    IdNumber id = shop.newId(2000);
    long revenue = shop.revenue();
    String ref = ref();
    bought(shop.catalogue.buy(id, "mug", ref));
    assertThat(shop.catalogue.refund(ref)).isEqualTo(new Refunded(MUG.price(), false));
    assertThat(shop.catalogue.refund(ref)).isEqualTo(new Refunded(MUG.price(), true));
    assertThat(shop.balance(id)).isEqualTo(2000);
    assertThat(shop.revenue()).isEqualTo(revenue);
    assertThat(shop.catalogue.revoke(ref)).isEqualTo(new Refused(RefundRefusal.NOT_A_TICKET));
  }

  @Test
  void aTicketIsCheckedInOnceAndASecondCheckInSaysWhenAndWhere() {
    IdNumber id = shop.newId(2000);
    long revenue = shop.revenue();
    String ref = ref();
    TicketCode code = ticket(shop.catalogue.buy(id, "concert-0312", ref));
    assertThat(code.toString()).doesNotContain(code.value().substring(0, 20));
    assertThat(delivered(ref).ticket()).isEqualTo(code);
    assertThat(shop.revenue()).isEqualTo(revenue); // the price waits in the ticket until used
    Admitted in =
        (Admitted) shop.catalogue.checkIn(code.formatted(), "concert-0312", "north-gate", "n-1");
    assertThat(in.replayed()).isFalse();
    assertThat(in.at()).isEqualTo(Shop.NOON);
    assertThat(shop.revenue()).isEqualTo(revenue + 1200);
    shop.clock.advance(Duration.ofMinutes(5));
    assertThat(shop.catalogue.checkIn(code.value(), "concert-0312", "north-gate", "n-1"))
        .isEqualTo(new Admitted("concert-0312", "north-gate", Shop.NOON, true));
    assertThat(
            shop.catalogue.checkIn(
                code.value().toLowerCase(Locale.ROOT), "concert-0312", "south", "s-1"))
        .isEqualTo(new AlreadyUsed("north-gate", Shop.NOON));
    assertThat(shop.catalogue.checkIn(code.value(), "concert-0312", "north-gate", "n-2"))
        .isEqualTo(new AlreadyUsed("north-gate", Shop.NOON));
    assertThat(shop.revenue()).isEqualTo(revenue + 1200);
    assertThat(shop.catalogue.refund(ref)).isEqualTo(new Refused(RefundRefusal.TICKET_USED));
    assertThat(shop.catalogue.revoke(ref)).isEqualTo(new Refused(RefundRefusal.TICKET_USED));
    // a retried purchase gives the same code back and no second ticket
    Bought again = bought(shop.catalogue.buy(id, "concert-0312", ref));
    assertThat(again.ticket()).isEqualTo(code);
    assertThat(again.replayed()).isTrue();
    assertThat(shop.balance(id)).isEqualTo(800);
  }

  @Test
  void unknownWrongRevokedRefundedAndExpiredTicketsAreNotAdmitted() {
    IdNumber id = shop.newId(5000);
    TicketCode revoked = ticket(shop.catalogue.buy(id, "concert-0312", "r-" + ref()));
    String revokedRef =
        shop.delivery.delivered.values().stream()
            .filter(o -> revoked.equals(o.ticket()))
            .findFirst()
            .orElseThrow()
            .reference();
    String refundedRef = ref();
    TicketCode refunded = ticket(shop.catalogue.buy(id, "concert-0312", refundedRef));
    TicketCode expiring = ticket(shop.catalogue.buy(id, "concert-0312", ref()));
    long revenue = shop.revenue();
    assertThat(shop.balance(id)).isEqualTo(5000 - 3 * 1200);

    assertThat(shop.catalogue.revoke(revokedRef)).isEqualTo(new Refunded(money(0), false));
    assertThat(shop.catalogue.revoke(revokedRef)).isEqualTo(new Refunded(money(0), true));
    assertThat(shop.catalogue.refund(revokedRef))
        .isEqualTo(new Refused(RefundRefusal.ALREADY_CLOSED));
    assertThat(shop.revenue()).isEqualTo(revenue + 1200); // revoked without refund: the shop's
    assertThat(checkIn(revoked)).isEqualTo(new NotAdmitted(Reason.REVOKED));

    assertThat(shop.catalogue.refund(refundedRef)).isEqualTo(new Refunded(money(1200), false));
    assertThat(shop.balance(id)).isEqualTo(5000 - 2 * 1200);
    assertThat(checkIn(refunded)).isEqualTo(new NotAdmitted(Reason.REVOKED));

    assertThat(shop.catalogue.checkIn(expiring.value(), "mug", "gate", "x"))
        .isEqualTo(new NotAdmitted(Reason.WRONG_ITEM));
    byte[] other = new byte[16];
    other[0] = 1;
    assertThat(checkIn(TicketCode.of(other))).isEqualTo(new NotAdmitted(Reason.UNKNOWN_TICKET));
    shop.clock.advance(Duration.ofDays(1));
    assertThat(checkIn(expiring)).isEqualTo(new NotAdmitted(Reason.EXPIRED));
    assertThat(shop.catalogue.refund(ref())).isEqualTo(new Refused(RefundRefusal.UNKNOWN_ORDER));
  }

  @Test
  void twoVenuesCheckingInAtOnceAdmitExactlyOne() throws Exception {
    IdNumber id = shop.newId(100 * 1200);
    List<TicketCode> tickets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tickets.add(ticket(shop.catalogue.buy(id, "concert-0312", ref())));
    }
    long revenue = shop.revenue();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (TicketCode t : tickets) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckInResult>> answers = new ArrayList<>();
        for (String venue : List.of("north", "south")) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return shop.catalogue.checkIn(t.value(), "concert-0312", venue, "scan-1");
                  }));
        }
        start.countDown();
        CheckInResult a = answers.get(0).get();
        CheckInResult b = answers.get(1).get();
        List<CheckInResult> both = List.of(a, b);
        assertThat(both).filteredOn(r -> r instanceof Admitted).hasSize(1);
        Admitted winner =
            (Admitted) both.stream().filter(r -> r instanceof Admitted).findFirst().orElseThrow();
        assertThat(both)
            .filteredOn(r -> r instanceof AlreadyUsed)
            .containsExactly(new AlreadyUsed(winner.venue(), winner.at()));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(shop.revenue()).isEqualTo(revenue + 20 * 1200);
  }

  @Test
  void aTicketsStateSurvivesARestart() {
    IdNumber id = shop.newId(3000);
    TicketCode used = ticket(shop.catalogue.buy(id, "concert-0312", ref()));
    TicketCode unused = ticket(shop.catalogue.buy(id, "concert-0312", ref()));
    assertThat(checkIn(used)).isInstanceOf(Admitted.class);
    shop.close();
    shop = new Shop(reopen(), shop.clock, shop.delivery);
    assertThat(checkIn(used)).isInstanceOf(AlreadyUsed.class);
    assertThat(checkIn(unused)).isInstanceOf(Admitted.class);
  }

  @Test
  void misuseIsATypedExceptionThatChangesNothing() {
    IdNumber id = shop.newId(2000);
    String ref = ref();
    assertThatThrownBy(() -> shop.catalogue.buy(id, "kettle", ref))
        .isInstanceOf(UnknownItemException.class)
        .hasMessageContaining("kettle");
    assertThatThrownBy(() -> shop.catalogue.buy(id, "mug", ""))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("reference");
    assertThatThrownBy(() -> shop.catalogue.checkIn("not a code", "concert-0312", "g", "n"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("code");
    bought(shop.catalogue.buy(id, "mug", ref));
    // the same reference for another order: refused, nothing moves
    assertThat(shop.catalogue.buy(id, "concert-0312", ref)).isNotInstanceOf(Bought.class);
    assertThat(shop.balance(id)).isEqualTo(1500);
  }

  static TicketCode ticket(PurchaseResult r) {
    TicketCode code = bought(r).ticket();
    assertThat(code).isNotNull();
    return java.util.Objects.requireNonNull(code);
  }

  Order delivered(String ref) {
    Order o = shop.delivery.delivered.get(ref);
    assertThat(o).isNotNull();
    return java.util.Objects.requireNonNull(o);
  }

  CheckInResult checkIn(TicketCode code) {
    return shop.catalogue.checkIn(
        code.value(), "concert-0312", "gate", UUID.randomUUID().toString());
  }

  static dev.idsettle.money.Money money(long minor) {
    return dev.idsettle.money.Money.of(minor, Shop.EUR);
  }
}
