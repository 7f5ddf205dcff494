package dev.idsettle.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.catalog.CheckInResult.Admitted;
import dev.idsettle.catalog.CheckInResult.AlreadyUsed;
import dev.idsettle.catalog.PurchaseResult.Bought;
import dev.idsettle.catalog.PurchaseResult.NotDelivered;
import dev.idsettle.catalog.RefundResult.Refunded;
import dev.idsettle.id.IdNumber;
import dev.idsettle.store.memory.MemoryStore;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store fails at every step of a purchase, a give-back, a refund and a check-in in turn, before
 * a transaction or after its commit: the call answers {@link Interrupted} (or completes), and a
 * retry with the same reference or nonce finishes it with every amount moved exactly once.
 */
class StoreFailureTest {
  /** Every transaction of the flows under test, each failing before it starts or after commit. */
  static Stream<Arguments> steps() {
    return IntStream.range(0, 12)
        .boxed()
        .flatMap(n -> Stream.of(Arguments.of(n, false), Arguments.of(n, true)));
  }

  @ParameterizedTest(name = "transaction {0}, after commit: {1}")
  @MethodSource("steps")
  void aTicketPurchaseAndCheckInSurviveAFailureAtAnyStep(int step, boolean committed) {
    FaultyStore store = new FaultyStore(MemoryStore.create());
    try (Shop shop = new Shop(store)) {
      IdNumber id = shop.newId(2000);
      long revenue = shop.revenue();
      store.failTransaction(step, committed);
      PurchaseResult first = shop.catalogue.buy(id, "concert-0312", "order-1");
      store.disarm();
      Bought b =
          (Bought) retryUntilDone(() -> shop.catalogue.buy(id, "concert-0312", "order-1"), first);
      assertThat(b.ticket()).isNotNull();
      assertThat(shop.balance(id)).isEqualTo(800);
      assertThat(shop.revenue()).isEqualTo(revenue);
      String code = java.util.Objects.requireNonNull(b.ticket()).value();

      store.failTransaction(step, committed);
      CheckInResult in = shop.catalogue.checkIn(code, "concert-0312", "gate", "scan-1");
      store.disarm();
      if (in instanceof Interrupted) {
        in = shop.catalogue.checkIn(code, "concert-0312", "gate", "scan-1");
      }
      assertThat(in).isInstanceOf(Admitted.class);
      assertThat(shop.catalogue.checkIn(code, "concert-0312", "gate", "scan-2"))
          .isInstanceOf(AlreadyUsed.class);
      assertThat(shop.revenue()).isEqualTo(revenue + 1200);
    }
  }

  @ParameterizedTest(name = "transaction {0}, after commit: {1}")
  @MethodSource("steps")
  void aGiveBackAndARefundSurviveAFailureAtAnyStep(int step, boolean committed) {
    FaultyStore store = new FaultyStore(MemoryStore.create());
    try (Shop shop = new Shop(store)) {
      IdNumber id = shop.newId(2000);
      long revenue = shop.revenue();
      shop.delivery.failing.add("order-2");
      store.failTransaction(step, committed);
      PurchaseResult first = shop.catalogue.buy(id, "mug", "order-2");
      store.disarm();
      NotDelivered n =
          (NotDelivered) retryUntilDone(() -> shop.catalogue.buy(id, "mug", "order-2"), first);
      assertThat(n.returned().minor()).isEqualTo(500);
      assertThat(shop.balance(id)).isEqualTo(2000);

      bought(shop.catalogue.buy(id, "mug", "order-3"));
      store.failTransaction(step, committed);
      RefundResult r = shop.catalogue.refund("order-3");
      store.disarm();
      if (r instanceof Interrupted) {
        r = shop.catalogue.refund("order-3");
      }
      assertThat(r).isInstanceOf(Refunded.class);
      assertThat(shop.catalogue.refund("order-3")).isEqualTo(new Refunded(Shop.MUG.price(), true));
      assertThat(shop.balance(id)).isEqualTo(2000);
      assertThat(shop.revenue()).isEqualTo(revenue);
    }
  }

  private static Bought bought(PurchaseResult r) {
    assertThat(r).isInstanceOf(Bought.class);
    return (Bought) r;
  }

  private static PurchaseResult retryUntilDone(
      java.util.function.Supplier<PurchaseResult> call, PurchaseResult first) {
    PurchaseResult r = first;
    for (int i = 0; i < 3 && r instanceof Interrupted; i++) {
      r = call.get();
    }
    return r;
  }
}
