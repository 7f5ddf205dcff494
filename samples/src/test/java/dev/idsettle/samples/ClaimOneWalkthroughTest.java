package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.Outcome;
import dev.idsettle.money.Money;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The walkthrough's story, checked on whichever store a subclass runs it on. */
abstract class ClaimOneWalkthroughTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private ClaimOneWalkthrough.Summary summary;
  private String printed;

  /** Runs the walkthrough once, printing to {@code out}. */
  abstract ClaimOneWalkthrough.Summary run(PrintStream out);

  @BeforeEach
  void runWalkthrough() {
    summary = run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sellsOneIdAndDebitsItUntilTheWarningAndTheDenial() {
    assertThat(summary.sheet()).hasSize(6).doesNotHaveDuplicates();
    assertThat(summary.activated().balance()).isEqualTo(Money.of(1000, "EUR"));
    // 10.00 in calls of 1.50: six permits, 1.00 left
    assertThat(summary.permits())
        .extracting(p -> p.balance().minor())
        .containsExactly(850L, 700L, 550L, 400L, 250L, 100L);
    assertThat(summary.permits())
        .extracting(Permit::lowBalance)
        .containsExactly(false, false, false, false, true, true);
    assertThat(summary.lowBalanceEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(summary.sheet().get(0));
              assertThat(e.balance()).isEqualTo(Money.of(250, "EUR"));
            });
    assertThat(summary.denial().reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(summary.denial().balance()).isEqualTo(Money.of(100, "EUR"));
    assertThat(summary.denial().publicReason()).isEqualTo(PublicReason.INSUFFICIENT_BALANCE);
  }

  @Test
  void answersAnUnknownIdLikeAnUnsoldOne() {
    assertThat(summary.unknownId().reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(summary.unsoldId().reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(summary.unknownId().publicReason())
        .isEqualTo(summary.unsoldId().publicReason())
        .isEqualTo(PublicReason.NOT_USABLE);
  }

  @Test
  void metersAPrepaidCallAndCutsItAtZero() {
    assertThat(summary.meteredCall().outcome()).isEqualTo(Outcome.CUT_AT_ZERO);
    assertThat(summary.meteredCall().collected())
        .isEqualTo(50)
        .isEqualTo(summary.meteredCall().charge().amount());
    assertThat(summary.meteredCall().charge().items().stream().mapToLong(ChargeItem::amount).sum())
        .isEqualTo(50);
    assertThat(printed).contains("CUT_AT_ZERO after").contains("the ID holds EUR 0.00");
  }

  @Test
  void reversesTheTimedOutActivationForGood() {
    assertThat(summary.reversed().amount()).isEqualTo(Money.of(1000, "EUR"));
    assertThat(summary.reversed().replayed()).isFalse();
    assertThat(summary.stateAfterReversal()).isEqualTo(AccountState.ISSUED);
    assertThat(summary.retryAfterReversal().reason()).isEqualTo(DenialReason.REVERSED);
  }

  @Test
  void printsEveryStepAndFullNumbersOnlyOnTheSheet() {
    assertThat(printed)
        .contains("LOW-BALANCE EVENT")
        .contains("typed reason INSUFFICIENT_BALANCE (balance EUR 1.00)")
        .contains("typed reason UNKNOWN_ID | public: NOT_USABLE")
        .contains("reversed: EUR 10.00")
        .contains("is ISSUED again")
        .contains("typed reason REVERSED");
    for (IdNumber id : summary.sheet()) {
      assertThat(occurrences(printed, id.formatted())).as("full number printed once").isEqualTo(1);
      assertThat(printed).doesNotContain(id.digits());
    }
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
