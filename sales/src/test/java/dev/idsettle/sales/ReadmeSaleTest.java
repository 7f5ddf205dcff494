package dev.idsettle.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.money.Money;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.store.memory.MemoryStore;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** README's sale example, line for line (samples' ReadmeCodeTest checks the lines are here). */
class ReadmeSaleTest {
  @Test
  void readmeExample() {
    IdSettle settle =
        IdSettle.builder(MemoryStore.create())
            .issuerKey(Shop.ISSUER_KEY)
            .currency(Currency.getInstance("EUR"))
            .build();
    byte[] deskKey = Shop.DESK_KEY;
    SimulatedBank bank = SimulatedBank.create(Currency.getInstance("EUR"), 250); // 2.5 %
    bank.member("alice", "alice-pw", Money.of(10_000, "EUR"));
    SalesDesk desk =
        SalesDesk.builder(settle, bank, MemorySaleRecords.create()) // or JdbcSaleRecords.create(ds)
            .deskKey(deskKey) // 32+ secret bytes: seals stocked IDs, derives check tokens
            .denomination(
                new Denomination(
                    "talk-20",
                    Denomination.Kind.TALK_TIME,
                    Money.of(2000, "EUR"),
                    Money.of(2000, "EUR"),
                    "20 euros of talk time"))
            .build();
    desk.stock("talk-20", 10); // issued, sealed, not spendable until sold
    PurchaseResult r =
        desk.purchase(
            new PurchaseRequest(
                "order-1", "talk-20", new SimulatedBank.Credential("alice", "alice-pw"), "4321"));
    if (r instanceof PurchaseResult.Purchased p) {
      System.out.println(p.id().formatted() + " at " + desk.checkUrl(p.checkToken()));
      System.out.println(desk.check(p.checkToken(), "4321")); // Shown[id=**** ...]
      assertThat(desk.check(p.checkToken(), "4321")).isEqualTo(new CheckResult.Shown(p.id()));
    }
    desk.recover(); // now and then: finishes or undoes what a crash left
    assertThat(r).isInstanceOf(PurchaseResult.Purchased.class);
  }
}
