package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.sales.CheckResult.NotShown;
import dev.idsettle.sales.CheckResult.Shown;
import dev.idsettle.sales.PurchaseResult.Purchased;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Claims 3, 6, 8: token + right PIN shows the ID; wrong PINs lock; unknown looks like wrong. */
class CheckUrlTest {
  final Shop shop = new Shop();

  Purchased bought() {
    shop.desk.stock("talk-20", 1);
    return purchased(shop.desk.purchase(alice("o-1", "talk-20")));
  }

  @Test
  void theTokenAndTheRightPinShowTheIdAgain() {
    Purchased p = bought();
    assertThat(p.checkToken()).hasSizeGreaterThanOrEqualTo(22); // 256 bits, base64url: 43
    assertThat(shop.desk.check(p.checkToken(), "4321")).isEqualTo(new Shown(p.id()));
    assertThat(shop.desk.check(p.checkToken(), "4321").toString()).doesNotContain(p.id().digits());
    assertThat(shop.desk.checkUrl(p.checkToken())).isEqualTo("/check/" + p.checkToken());
  }

  @Test
  void theRecordsKeepNeitherTheTokenNorThePinNorTheId() {
    Purchased p = bought();
    SaleOrder o = shop.records.order("o-1").orElseThrow();
    assertThat(o.toString())
        .doesNotContain(p.checkToken())
        .doesNotContain("4321")
        .doesNotContain(p.id().digits());
    assertThat(o.pinHash()).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    assertThat(shop.records.stock(String.valueOf(o.stockId())).orElseThrow().sealedId())
        .doesNotContain(p.id().digits());
  }

  @Test
  void wrongPinsLockTheTokenForAWhileEvenAgainstTheRightPin() {
    Purchased p = bought();
    assertThat(shop.desk.check(p.checkToken(), "0000")).isEqualTo(NotShown.INSTANCE);
    assertThat(shop.desk.check(p.checkToken(), "1111")).isEqualTo(NotShown.INSTANCE);
    assertThat(shop.desk.check(p.checkToken(), "2222")).isEqualTo(NotShown.INSTANCE);
    // three wrong: locked for ten minutes, the right PIN included
    assertThat(shop.desk.check(p.checkToken(), "4321")).isEqualTo(NotShown.INSTANCE);
    shop.clock.advance(Duration.ofMinutes(9));
    assertThat(shop.desk.check(p.checkToken(), "4321")).isEqualTo(NotShown.INSTANCE);
    shop.clock.advance(Duration.ofMinutes(1));
    assertThat(shop.desk.check(p.checkToken(), "4321")).isEqualTo(new Shown(p.id()));
    // a right PIN forgets the wrong ones before it
    shop.desk.check(p.checkToken(), "0000");
    shop.desk.check(p.checkToken(), "0000");
    assertThat(shop.desk.check(p.checkToken(), "4321")).isEqualTo(new Shown(p.id()));
  }

  @Test
  void anUnknownTokenGetsTheAnswerOfAWrongPin() {
    bought();
    assertThat(shop.desk.check("no-such-token", "4321")).isSameAs(NotShown.INSTANCE);
    assertThat(shop.desk.check("x".repeat(500), "4321")).isSameAs(NotShown.INSTANCE);
    assertThat(Arrays.asList(CheckResult.NotShown.values())).hasSize(1);
  }
}
