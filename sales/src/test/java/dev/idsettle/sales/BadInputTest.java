package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.money.Money;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Bad settings and bad input name the field; the bank refuses what a bank would. */
class BadInputTest {
  final Shop shop = new Shop();

  private void badSetting(UnaryOperator<SalesDesk.Builder> tune, String field) {
    assertThatThrownBy(() -> tune.apply(shop.builder()).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(field);
  }

  @Test
  void badSettingsNameTheirField() {
    badSetting(b -> b.deskKey(new byte[8]), "deskKey");
    badSetting(b -> b.deskId("no spaces"), "deskId");
    badSetting(b -> b.pinLockout(0, Duration.ofMinutes(1)), "maxGuesses");
    badSetting(b -> b.pinLockout(3, Duration.ZERO), "lockFor");
    badSetting(b -> b.recoveryGrace(Duration.ofSeconds(-1)), "recoveryGrace");
    badSetting(b -> b.gatewayAttempts(0), "gatewayAttempts");
    assertThatThrownBy(
            () ->
                SalesDesk.builder(shop.settle, shop.bank, shop.records)
                    .deskKey(Shop.DESK_KEY)
                    .build())
        .hasMessageContaining("denominations");
    assertThatThrownBy(
            () ->
                shop.builder()
                    .denomination(
                        new Denomination(
                            "usd",
                            Denomination.Kind.GOODS,
                            Money.of(1, "USD"),
                            Money.of(1, "USD"),
                            "x")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> new PinCost(4, 1, 1)).hasMessageContaining("memoryKib");
    assertThatThrownBy(() -> new PinCost(64, 0, 1)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new PinCost(64, 1, 0)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> SimulatedBank.create(Shop.EUR, 10_001))
        .hasMessageContaining("commissionBasisPoints");
  }

  @Test
  void badRequestsNameTheirFieldAndChangeNothing() {
    SimulatedBank.Credential c = new SimulatedBank.Credential("alice", "alice-pw");
    assertThatThrownBy(() -> new PurchaseRequest("k", "talk-20", c, "12"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("pin");
    assertThatThrownBy(() -> new PurchaseRequest("", "talk-20", c, "1234"))
        .hasMessageContaining("idempotencyKey");
    assertThatThrownBy(() -> new PurchaseRequest("k", "talk-20", c, "12a4"))
        .hasMessageContaining("pin");
    assertThatThrownBy(() -> shop.desk.stock("talk-20", 0)).hasMessageContaining("count");
    assertThatThrownBy(() -> shop.desk.refund("o\n1", "k")).hasMessageContaining("orderKey");
    assertThatThrownBy(() -> new Denomination("a b", Denomination.Kind.GOODS, eur(1), eur(1), "x"))
        .hasMessageContaining("code");
    assertThatThrownBy(() -> new Denomination("a", Denomination.Kind.GOODS, eur(0), eur(1), "x"))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new Approved("r", eur(10), eur(11)))
        .hasMessageContaining("commission");
    assertThat(new PurchaseRequest("k", "talk-20", c, "1234").toString())
        .doesNotContain("1234")
        .doesNotContain("alice-pw");
    assertThat(shop.desk.balance("nothing")).isEmpty();
    // in the order configured: the storefront lists them so
    assertThat(shop.desk.denominations()).containsExactly(Shop.TALK_20, Shop.GOODS_10);
  }

  @Test
  void theBankRefusesWhatABankWould() {
    SimulatedBank bank = shop.bank;
    assertThat(bank.capture("auth-none", eur(1), "k1"))
        .isEqualTo(new Declined(DeclineReason.UNKNOWN_REFERENCE));
    assertThat(bank.voidAuthorization("auth-none", "k2"))
        .isEqualTo(new Declined(DeclineReason.UNKNOWN_REFERENCE));
    assertThat(bank.refund("cap-none", eur(1), "k3"))
        .isEqualTo(new Declined(DeclineReason.UNKNOWN_REFERENCE));
    assertThat(bank.authorize("nobody", eur(1), "k4"))
        .isEqualTo(new Declined(DeclineReason.NOT_A_MEMBER));
    Approved auth = (Approved) bank.authorize("alice", eur(100), "k5");
    assertThat(bank.capture(auth.reference(), eur(101), "k6"))
        .isEqualTo(new Declined(DeclineReason.NOT_ALLOWED));
    Approved cap = (Approved) bank.capture(auth.reference(), eur(100), "k7");
    assertThat(cap.commission()).isEqualTo(eur(2));
    assertThat(cap.net()).isEqualTo(eur(98));
    assertThat(bank.voidAuthorization(auth.reference(), "k8"))
        .isEqualTo(new Declined(DeclineReason.NOT_ALLOWED));
    assertThat(bank.refund(cap.reference(), eur(101), "k9"))
        .isEqualTo(new Declined(DeclineReason.NOT_ALLOWED));
    assertThat(bank.capture(auth.reference(), eur(50), "k7"))
        .as("a key reused for another request")
        .isEqualTo(new Declined(DeclineReason.KEY_REUSED));
    bank.suspend("alice", true);
    assertThat(bank.authorize("alice", eur(1), "k10"))
        .isEqualTo(new Declined(DeclineReason.NOT_IN_GOOD_STANDING));
    assertThatThrownBy(() -> bank.authorize("alice", Money.of(1, "USD"), "k11"))
        .hasMessageContaining("amount");
    assertThatThrownBy(() -> bank.available("nobody")).hasMessageContaining("nobody");
    assertThat(new SimulatedBank.Credential("a", "secret").toString()).doesNotContain("secret");
  }
}
