package dev.idsettle.sales;

import static dev.idsettle.sales.Shop.alice;
import static dev.idsettle.sales.Shop.eur;
import static dev.idsettle.sales.Shop.purchased;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.sales.SimulatedBank.Fault;
import dev.idsettle.sales.SimulatedBank.Operation;
import org.junit.jupiter.api.Test;

/** The simulated bank's statement lists each capture once, with its commission and refunds. */
class GatewayStatementTest {
  final Shop shop = new Shop();

  @Test
  void everyCaptureIsListedOnceWithItsOrderAndRefunds() {
    shop.desk.stock("talk-20", 3);
    // the capture's answer is lost and asked again: the bank captured once
    shop.bank.inject(Operation.CAPTURE, Fault.TIMEOUT_AFTER);
    purchased(shop.desk.purchase(alice("o-1", "talk-20")));
    purchased(shop.desk.purchase(alice("o-2", "talk-20")));
    shop.desk.refund("o-2", "refund-1");

    SaleOrder first = shop.records.order("o-1").orElseThrow();
    SaleOrder second = shop.records.order("o-2").orElseThrow();
    assertThat(shop.bank.captures())
        .containsExactly(
            new StatementLine(
                String.valueOf(first.capture()),
                String.valueOf(first.authorization()),
                eur(2000),
                eur(50),
                eur(0)),
            new StatementLine(
                String.valueOf(second.capture()),
                String.valueOf(second.authorization()),
                eur(2000),
                eur(50),
                eur(second.refundMinor())));
    assertThat(second.refundMinor()).isPositive();
  }

  @Test
  void aLineOutsideItsAmountIsRefusedNamingTheCapture() {
    assertThatThrownBy(() -> new StatementLine("cap-9", "auth-1", eur(100), eur(0), eur(101)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("cap-9");
    assertThatThrownBy(() -> new StatementLine("cap-9", "auth-1", eur(100), eur(101), eur(0)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> new StatementLine("", "auth-1", eur(100), eur(0), eur(0)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
