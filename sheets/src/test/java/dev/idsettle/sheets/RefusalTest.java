package dev.idsettle.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.money.MoneyException;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipSerial;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Bad input is refused with a typed exception that names the field, before a byte is written, and
 * no message holds an ID number.
 */
@SuppressWarnings("NullAway") // passes nulls on purpose, to see them refused
class RefusalTest {
  private static final SlipPrinter PRINTER = SlipPrinter.builder().build();

  private static Slip slip(String prefix, int seq, Money face) {
    return new Slip(TestSlips.id(seq), new SlipSerial(prefix, seq), face, null);
  }

  private static PrintBatch batch(List<Slip> slips) {
    return new PrintBatch("R1", 10, TestSlips.EXPIRY, slips);
  }

  /** Both outputs refuse {@code batch} with {@code type}, naming {@code field}, writing nothing. */
  private static void refusedByBoth(
      PrintBatch batch, Class<? extends InvalidRequestException> type, String field) {
    List<ThrowingConsumer<OutputStream>> writers =
        List.of(out -> PRINTER.writePdf(batch, out), out -> PRINTER.writeCsv(batch, out));
    for (ThrowingConsumer<OutputStream> writer : writers) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> writer.accept(out))
          .isInstanceOf(type)
          .hasMessageContaining(field)
          .satisfies(e -> assertNoId(e.getMessage()));
      assertThat(out.size()).as("bytes written before the refusal").isZero();
    }
    assertThatThrownBy(() -> PRINTER.check(batch)).isInstanceOf(type);
  }

  private static void assertNoId(String message) {
    for (int seq = 1; seq <= 5; seq++) {
      assertThat(message)
          .doesNotContain(TestSlips.id(seq).digits())
          .doesNotContain(TestSlips.id(seq).formatted());
    }
  }

  @Test
  void anEmptyBatchIsRefused() {
    refusedByBoth(batch(List.of()), InvalidRequestException.class, "slips of batch R1");
  }

  @Test
  void mixedCurrenciesAreRefusedNamingTheSlip() {
    List<Slip> slips =
        List.of(slip("R1", 1, TestSlips.eur(100)), slip("R1", 2, Money.of(100, "USD")));
    refusedByBoth(batch(slips), MoneyException.class, "slips[1].faceValue is in USD");
  }

  @Test
  void aNullSlipIsRefusedNamingItsPlace() {
    List<Slip> slips = new ArrayList<>(Arrays.asList(slip("R1", 1, TestSlips.eur(1)), null));
    refusedByBoth(batch(slips), InvalidRequestException.class, "slips[1] must not be null");
  }

  @Test
  void slipsOfAnotherBatchOutOfOrderRepeatedOrWithoutValueAreRefused() {
    refusedByBoth(
        batch(List.of(slip("R2", 1, TestSlips.eur(1)))),
        InvalidRequestException.class,
        "slips[0].serial R2-000001 is not of batch R1");
    refusedByBoth(
        batch(List.of(slip("R1", 2, TestSlips.eur(1)), slip("R1", 1, TestSlips.eur(1)))),
        InvalidRequestException.class,
        "slips[1].serial R1-000001 follows R1-000002");
    refusedByBoth(
        batch(List.of(slip("R1", 2, TestSlips.eur(1)), slip("R1", 2, TestSlips.eur(1)))),
        InvalidRequestException.class,
        "slips[1].serial R1-000002 follows R1-000002");
    refusedByBoth(
        batch(List.of(slip("R1", 1, TestSlips.eur(0)))),
        InvalidRequestException.class,
        "slips[0].faceValue must be positive");
    refusedByBoth(
        batch(
            List.of(slip("R1", 1, TestSlips.eur(Long.MAX_VALUE)), slip("R1", 2, TestSlips.eur(1)))),
        MoneyException.class,
        "slips[1].faceValue: the batch's total face value overflows");
  }

  @Test
  void aLayoutWithNoColumnsOrRowsOrCellsTooSmallIsRefused() {
    assertThatThrownBy(() -> SheetLayout.a4(0, 7))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("columns must be at least 1, was 0");
    assertThatThrownBy(() -> SheetLayout.a4(3, 0))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("rows must be at least 1, was 0");
    assertThatThrownBy(() -> SheetLayout.a4(4, 7))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("columns 4 leave slips 47 mm wide on A4")
        .hasMessageEndingWith("so at most 3 columns");
    assertThatThrownBy(() -> new SheetLayout(Paper.LETTER, 3, 11))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("rows 11 leave slips")
        .hasMessageEndingWith("so at most 9 rows");
    assertThatThrownBy(() -> new SheetLayout(null, 3, 7))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("paper must not be null");
    assertThat(SheetLayout.a4(3, 10).slipsPerPage()).isEqualTo(30);
    assertThat(Paper.LETTER.widthMm()).isEqualTo(215.9);
  }

  @Test
  void nullsAreRefusedNamingTheField() {
    IssuedSlips none = null;
    PrintBatch ok = batch(List.of(slip("R1", 1, TestSlips.eur(1))));
    OutputStream out = new ByteArrayOutputStream();
    assertRefused(() -> new PrintBatch(null, 1, TestSlips.EXPIRY, List.of()), "prefix");
    assertRefused(() -> new PrintBatch("R1", 1, null, List.of()), "expiry");
    assertRefused(() -> new PrintBatch("R1", 1, TestSlips.EXPIRY, null), "slips");
    assertRefused(() -> PrintBatch.of(none, TestSlips.EXPIRY), "issued");
    assertRefused(() -> PRINTER.writePdf(null, out), "batch");
    assertRefused(() -> PRINTER.writeCsv(ok, null), "out");
    assertRefused(() -> PRINTER.writePdf(ok, out, null), "progress");
    assertRefused(() -> PRINTER.check(null), "batch");
    assertThatThrownBy(() -> SlipPrinter.builder().layout(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("layout must not be null");
    assertThatThrownBy(() -> SlipPrinter.builder().clock(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("clock must not be null");
    assertThatThrownBy(() -> SlipPrinter.builder().zone(null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("zone must not be null");
  }

  @Test
  void aBadPrefixOrSheetSizeIsRefused() {
    assertRefused(() -> new PrintBatch("r1", 1, TestSlips.EXPIRY, List.of()), "batch prefix");
    assertRefused(() -> new PrintBatch("R1", 0, TestSlips.EXPIRY, List.of()), "sheetSize");
    assertRefused(() -> new PrintBatch("R1", 101, TestSlips.EXPIRY, List.of()), "sheetSize");
  }

  @Test
  void slipsThatChangeBetweenThePassesAreRefused() {
    AtomicInteger reads = new AtomicInteger();
    Iterable<Slip> growing =
        () ->
            TestSlips.generated("R1", 2 + reads.getAndIncrement(), TestSlips.eur(1), null)
                .iterator();
    PrintBatch batch = new PrintBatch("R1", 10, TestSlips.EXPIRY, growing);
    assertThatThrownBy(() -> PRINTER.writeCsv(batch, new ByteArrayOutputStream()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("slips gave 3 slips (R1-000001 to R1-000003) when written but 2");
    assertThatThrownBy(() -> PRINTER.writePdf(batch, new ByteArrayOutputStream()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("it must give the same slips each time it is iterated");
  }

  @Test
  void noToStringShowsAnId() {
    List<Slip> slips = List.of(slip("R1", 1, TestSlips.eur(1)));
    PrintBatch batch = batch(slips);
    assertThat(batch.toString())
        .isEqualTo("PrintBatch[prefix=R1, sheetSize=10, expiry=At[instant=2027-12-31T12:00:00Z]]");
    PrintSummary summary = PRINTER.check(batch);
    assertNoId(summary.toString());
    assertThat(summary.count()).isEqualTo(1);
    assertThat(PRINTER.layout()).isEqualTo(SheetLayout.DEFAULT);
    assertThat(ExpiryPolicy.never()).isNotNull();
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    assertThatThrownBy(call::call)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(field);
  }

  @FunctionalInterface
  private interface ThrowingCallable {
    void call() throws Exception;
  }
}
