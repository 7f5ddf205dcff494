package dev.idsettle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.CardReceipt;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.metering.ChargeItem;
import dev.idsettle.metering.Outcome;
import dev.idsettle.money.Money;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.LowBalanceEvent;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.PublicReason;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipDenialReason;
import dev.idsettle.sales.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's story, told once per class on whichever store a subclass gives it, and checked chapter
 * by chapter: the values each chapter returned and the lines it printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoTest {
  Path directory;
  Demo.Summary summary;
  String printed;

  /** Tells the story once, printing to {@code out}, the PDF in {@code directory}. */
  abstract Demo.Summary tell(PrintStream out, Path directory);

  @BeforeAll
  void tellTheStory(@TempDir Path dir) {
    directory = dir;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    summary = tell(new PrintStream(bytes, true, StandardCharsets.UTF_8), directory);
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }

  @Test
  void issuesASheetAndDistributesIt() {
    List<Slip> slips = summary.sheet().batch().slips();
    assertThat(slips).hasSize(6).extracting(Slip::id).doesNotHaveDuplicates();
    assertThat(slips).extracting(Slip::faceValue).containsOnly(eur(1000));
    assertThat(summary.sheet().state()).isEqualTo(BatchState.DISTRIBUTED);
    assertThat(printed).contains("1. A sheet of slips is issued and printed");
  }

  @Test
  void printsTheSheetToAPdfThatHoldsEverySerialAndId() throws IOException {
    Path pdf = summary.sheet().pdf();
    assertThat(pdf).isRegularFile().hasParent(directory);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      text = new PDFTextStripper().getText(doc);
    }
    for (Slip slip : summary.sheet().batch().slips()) {
      assertThat(text).contains(slip.serial().toString()).contains(slip.id().formatted());
    }
    assertThat(printed).contains(pdf.getFileName().toString());
  }

  @Test
  void activatesTheSlipOnlyForItsFaceValue() {
    assertThat(summary.sale().wrongAmount().reason())
        .isEqualTo(SlipDenialReason.PAID_NOT_FACE_VALUE);
    assertThat(summary.sale().sold().count()).isEqualTo(1);
    assertThat(summary.sale().sold().total()).isEqualTo(eur(1000));
    assertThat(summary.sale().balance()).isEqualTo(eur(1000));
    assertThat(printed).contains("the slip is active, balance EUR 10.00");
  }

  @Test
  void reversesTheTimedOutActivationForGood() {
    assertThat(summary.sale().reversed().amount()).isEqualTo(eur(1000));
    assertThat(summary.sale().reversed().replayed()).isFalse();
    assertThat(summary.sale().stateAfterReversal()).isEqualTo(AccountState.ISSUED);
    assertThat(summary.sale().retryAfterReversal().reason()).isEqualTo(DenialReason.REVERSED);
  }

  @Test
  void splitsTheSlipBetweenTwoServicesWithASubIdEach() {
    assertThat(summary.split().split().envelopes())
        .containsEntry("phone", eur(700))
        .containsEntry("web", eur(300));
    assertThat(summary.split().split().unallocated()).isEqualTo(eur(0));
    assertThat(List.of(summary.split().phoneSubId(), summary.split().webSubId()))
        .doesNotHaveDuplicates()
        .allSatisfy(sub -> assertThat(sub.length()).isEqualTo(18))
        .doesNotContain(summary.sale().slip().id());
  }

  @Test
  void debitsUntilTheLowBalanceEventAndThenTheDenial() {
    // 7.00 in calls of 1.50, warning below 3.00: four permits, 1.00 left
    assertThat(summary.spending().permits())
        .extracting(p -> p.balance().minor())
        .containsExactly(550L, 400L, 250L, 100L);
    assertThat(summary.spending().permits())
        .extracting(Permit::lowBalance)
        .containsExactly(false, false, true, true);
    assertThat(summary.spending().lowBalanceEvents())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.service()).isEqualTo("phone");
              assertThat(e.balance()).isEqualTo(eur(250));
            });
    assertThat(summary.spending().denial().reason()).isEqualTo(DenialReason.INSUFFICIENT_BALANCE);
    assertThat(summary.spending().denial().balance()).isEqualTo(eur(100));
    assertThat(printed.indexOf("LOW-BALANCE EVENT"))
        .isPositive()
        .isLessThan(printed.indexOf("denied, reason INSUFFICIENT_BALANCE (balance EUR 1.00)"));
  }

  @Test
  void refusesTheOtherServicesSubIdAndAnswersUnknownLikeUnsold() {
    // another service's sub-ID is answered as one never issued: nothing tells that it exists
    assertThat(summary.spending().wrongService().reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(summary.spending().wrongService().publicReason()).isEqualTo(PublicReason.NOT_USABLE);
    assertThat(summary.spending().unknownId().reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(summary.spending().unsoldId().reason()).isEqualTo(DenialReason.UNKNOWN_ID);
    assertThat(summary.spending().unknownId().publicReason())
        .isEqualTo(summary.spending().unsoldId().publicReason())
        .isEqualTo(PublicReason.NOT_USABLE);
  }

  @Test
  void linksASecondIdOfTheHolderThenMergesIt() {
    assertThat(summary.holding().linked().ids()).isEqualTo(2);
    // 3.00 across 5.00 and 8.00: the smaller balance pays
    assertThat(summary.holding().firstAfterSpend()).isEqualTo(eur(200));
    assertThat(summary.holding().secondAfterSpend()).isEqualTo(eur(800));
    assertThat(summary.holding().merged().moved()).isEqualTo(eur(200));
    assertThat(summary.holding().merged().merged()).isEqualTo(1);
    assertThat(summary.holding().merged().balance()).isEqualTo(eur(1000));
    assertThat(summary.holding().mergedIdDenial().reason()).isEqualTo(DenialReason.MERGED);
  }

  @Test
  void buysAnIdOnlineLosesItAndRecoversIt() {
    assertThat(summary.online().charged()).isEqualTo(eur(1000));
    assertThat(summary.online().wrongPin()).isEqualTo(CheckResult.NotShown.INSTANCE);
    assertThat(summary.online().recovered()).isEqualTo(summary.online().purchased().id());
    assertThat(summary.online().balance()).isEqualTo(eur(750));
    assertThat(printed).contains("The check URL with a wrong PIN says only \"Not shown\"");
  }

  @Test
  void metersAPrepaidCallAndCutsItAtZero() {
    assertThat(summary.call().outcome()).isEqualTo(Outcome.CUT_AT_ZERO);
    assertThat(summary.call().collected())
        .isEqualTo(50)
        .isEqualTo(summary.call().charge().amount());
    assertThat(summary.call().charge().items().stream().mapToLong(ChargeItem::amount).sum())
        .isEqualTo(50);
    assertThat(printed).contains("CUT_AT_ZERO after").contains("the ID holds EUR 0.00");
  }

  @Test
  void creditsAndDebitsACardAndJournalsItsReceiptOnce() {
    CardChapter.Card card = summary.card();
    assertThat(card.credit().receipt().kind()).isEqualTo(CardReceipt.Kind.CREDIT);
    assertThat(card.debit().amount()).isEqualTo(350);
    assertThat(card.settled().settled()).containsExactly(card.debit().counter());
    assertThat(card.resent().settled()).isEmpty();
    assertThat(card.resent().duplicates()).containsExactly(card.debit().counter());
    assertThat(card.journaled().amount()).isEqualTo(350);
    assertThat(card.journaled().applied()).isTrue();
    assertThat(card.cardBalance()).isEqualTo(eur(1650)).isEqualTo(card.shadowBalance());
    assertThat(card.revenue()).isEqualTo(eur(350));
  }

  @Test
  void endsWithReconcilePassingAndWhereTheFilesAre() {
    assertThat(summary.reconciliation().differences()).isEmpty();
    assertThat(summary.reconciliation().clean()).isTrue();
    assertThat(summary.reconciliation().orders()).isEqualTo(1);
    assertThat(summary.reconciliation().charges()).isEqualTo(1);
    assertThat(summary.reconciliation().callRecords()).isPositive();
    assertThat(printed)
        .contains("No difference: the ledger, the bank and the call records agree.")
        .contains("The PDF of the sheet: " + summary.sheet().pdf())
        .contains("The database: ");
  }

  @Test
  void printsNoFullNumberButTheSlipTheUserHolds() {
    IdNumber held = summary.sale().slip().id();
    assertThat(occurrences(printed, held.formatted())).as("the held slip, once").isEqualTo(1);
    List<String> secrets = new ArrayList<>();
    summary.sheet().batch().slips().forEach(s -> secrets.add(s.id().digits()));
    summary.sheet().batch().slips().stream()
        .filter(s -> !s.id().equals(held))
        .forEach(s -> secrets.add(s.id().formatted()));
    secrets.add(summary.split().phoneSubId().digits());
    secrets.add(summary.split().phoneSubId().formatted());
    secrets.add(summary.split().webSubId().formatted());
    secrets.add(summary.online().recovered().formatted());
    secrets.add(summary.online().purchased().checkToken());
    secrets.add(summary.card().card().digits());
    for (LowBalanceEvent e : summary.spending().lowBalanceEvents()) {
      secrets.add(e.id().formatted());
    }
    assertThat(secrets).allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
    assertThat(printed).doesNotContain("Exception").doesNotContain("\tat ");
  }

  static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
