package dev.idsettle.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV print file parsed back by a strict RFC 4180 reader written apart from the writer. */
@SuppressWarnings("NullAway") // a missing header key fails the assertion it is read in
class CsvPrintFileTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T22:00:00Z"), ZoneOffset.UTC);
  private static final SlipPrinter PRINTER = SlipPrinter.builder().clock(CLOCK).build();

  /** The header block, the column names, the slip lines. */
  private record File(Map<String, String> header, List<String> columns, List<List<String>> lines) {}

  private static File print(PrintBatch batch) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PRINTER.writeCsv(batch, out);
    List<List<String>> records = Rfc4180.parse(out.toString(StandardCharsets.UTF_8));
    Map<String, String> header = new LinkedHashMap<>();
    int i = 0;
    while (records.get(i).get(0).startsWith("#")) {
      assertThat(records.get(i)).hasSize(2);
      header.put(records.get(i).get(0).substring(1), records.get(i).get(1));
      i++;
    }
    List<String> columns = records.get(i);
    List<List<String>> lines = new ArrayList<>(records.subList(i + 1, records.size()));
    for (List<String> line : lines) {
      assertThat(line).hasSameSizeAs(columns);
    }
    return new File(header, columns, lines);
  }

  @Test
  void theHeaderTotalsAreTheSumOfTheLines() throws Exception {
    IssuedSlips issued = TestSlips.issued(4, 7, 1234, "calls");
    File f = print(PrintBatch.of(issued, TestSlips.EXPIRY));

    assertThat(f.columns())
        .containsExactly(
            "serial",
            "id",
            "id_grouped",
            "face_value",
            "currency",
            "service",
            "expiry",
            "sheet",
            "slip_on_sheet");
    assertThat(f.lines()).hasSize(28);
    long sumMinor = 0;
    for (List<String> line : f.lines()) {
      sumMinor += Long.parseLong(line.get(3).replace(".", ""));
      assertThat(line.get(4)).isEqualTo(f.header().get("currency"));
      assertThat(line.get(6)).isEqualTo(f.header().get("expiry"));
    }
    Map<String, String> h = f.header();
    assertThat(h.get("idsettle slip print file")).isEqualTo("1");
    assertThat(h.get("batch")).isEqualTo(issued.prefix());
    assertThat(Long.parseLong(h.get("count"))).isEqualTo(f.lines().size());
    assertThat(Long.parseLong(h.get("total_face_value").replace(".", ""))).isEqualTo(sumMinor);
    assertThat(h.get("total_face_value")).isEqualTo("345.52");
    assertThat(h.get("currency")).isEqualTo("EUR");
    assertThat(h.get("first_serial")).isEqualTo(f.lines().get(0).get(0));
    assertThat(h.get("last_serial")).isEqualTo(f.lines().get(27).get(0));
    assertThat(h.get("expiry")).isEqualTo("2027-12-31");
    assertThat(h.get("sheet_size")).isEqualTo("7");
    assertThat(h.get("created")).isEqualTo("2026-12-07T22:00:00Z");

    for (int i = 0; i < 28; i++) {
      Slip slip = issued.slips().get(i);
      List<String> line = f.lines().get(i);
      assertThat(line.get(0)).isEqualTo(slip.serial().toString());
      assertThat(IdNumber.parse(line.get(1))).isEqualTo(slip.id());
      assertThat(line.get(2)).isEqualTo(slip.id().formatted());
      assertThat(line.get(3)).isEqualTo("12.34");
      assertThat(line.get(5)).isEqualTo("calls");
      assertThat(line.get(7)).isEqualTo(Integer.toString(i / 7 + 1));
      assertThat(line.get(8)).isEqualTo(Integer.toString(i % 7 + 1));
    }
  }

  @Test
  void awkwardFieldsAreQuotedAndReadBackIntact() throws Exception {
    String service = "calls, \"intl\"\r\nsecond line";
    File f =
        print(
            new PrintBatch(
                "Q1",
                2,
                ExpiryPolicy.afterActivation(365),
                TestSlips.generated("Q1", 3, TestSlips.eur(5), service)));
    assertThat(f.lines()).extracting(l -> l.get(5)).containsOnly(service);
    assertThat(f.header().get("expiry")).isEqualTo("365 days after activation");
    File lead =
        print(
            new PrintBatch(
                "Q2",
                2,
                ExpiryPolicy.afterFirstUse(1),
                TestSlips.generated("Q2", 1, TestSlips.eur(5), " padded ")));
    assertThat(lead.lines().get(0).get(5)).isEqualTo(" padded ");
    File lines =
        print(
            new PrintBatch(
                "Q3",
                2,
                ExpiryPolicy.never(),
                TestSlips.generated("Q3", 2, TestSlips.eur(5), "line\r\nbreak\nonly")));
    assertThat(lines.lines()).extracting(l -> l.get(5)).containsOnly("line\r\nbreak\nonly");
    assertThat(lead.header().get("expiry")).isEqualTo("1 day after first use");
  }

  @Test
  void theQuotingRuleQuotesExactlyWhatNeedsIt() {
    assertThat(Csv.needsQuotes("plain text")).isFalse();
    assertThat(Csv.needsQuotes("")).isFalse();
    assertThat(Csv.needsQuotes("a,b")).isTrue();
    assertThat(Csv.needsQuotes("a\"b")).isTrue();
    assertThat(Csv.needsQuotes("a\rb")).isTrue();
    assertThat(Csv.needsQuotes("a\nb")).isTrue();
    assertThat(Csv.needsQuotes(" a")).isTrue();
    assertThat(Csv.needsQuotes("a ")).isTrue();
  }

  @Test
  void amountsAreExactInEveryCurrencysMinorUnits() throws Exception {
    assertThat(Texts.amount(1, Money.currency("KWD"))).isEqualTo("0.001");
    assertThat(Texts.amount(1_000_000_007L, Money.currency("KWD"))).isEqualTo("1000000.007");
    assertThat(Texts.amount(5, Money.currency("EUR"))).isEqualTo("0.05");
    assertThat(Texts.amount(-120, Money.currency("EUR"))).isEqualTo("-1.20");
    assertThat(Texts.amount(Long.MAX_VALUE, Money.currency("EUR")))
        .isEqualTo("92233720368547758.07");
    assertThat(Texts.amount(Long.MIN_VALUE, Money.currency("JPY")))
        .isEqualTo("-9223372036854775808");
    File yen =
        print(
            new PrintBatch(
                "Y1",
                5,
                ExpiryPolicy.never(),
                TestSlips.generated("Y1", 3, Money.of(1000, "JPY"), null)));
    assertThat(yen.header().get("total_face_value")).isEqualTo("3000");
    assertThat(yen.header().get("expiry")).isEqualTo("never");
    assertThat(yen.lines().get(0).get(5)).isEmpty();
  }

  @Test
  void progressEndsAtTheTotal() throws Exception {
    List<Long> done = new ArrayList<>();
    PRINTER.writeCsv(
        new PrintBatch(
            "PR", 10, TestSlips.EXPIRY, TestSlips.generated("PR", 2500, TestSlips.eur(1), null)),
        new ByteArrayOutputStream(),
        (d, total) -> {
          assertThat(total).isEqualTo(2500);
          done.add(d);
        });
    assertThat(done).containsExactly(0L, 1000L, 2000L, 2500L);
  }
}
