package dev.idsettle.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The PDF read back: its text by PDFBox, its QR codes rendered and decoded by ZXing. */
class PdfSheetsTest {
  private static final float DPI = 200;
  private static final float FINER_DPI = 300;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T22:00:00Z"), ZoneOffset.UTC);

  private static byte[] pdf(SlipPrinter printer, PrintBatch batch) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    printer.writePdf(batch, out);
    return out.toByteArray();
  }

  @Test
  void textHoldsEveryIdAsPrintedAndEverySerialAndTheHeaderCountsPages() throws Exception {
    IssuedSlips issued = TestSlips.issued(3, 10, 1000, "calls");
    SlipPrinter printer = SlipPrinter.builder().layout(SheetLayout.a4(2, 3)).clock(CLOCK).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintSummary summary = printer.writePdf(PrintBatch.of(issued, TestSlips.EXPIRY), out);

    // sheets of 10 on pages of 6: each sheet takes a page of 6 and a page of 4
    assertThat(summary.pages()).isEqualTo(6);
    assertThat(summary.count()).isEqualTo(30);
    assertThat(summary.total()).isEqualTo(TestSlips.eur(30_000));
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(6);
      String all = new PDFTextStripper().getText(doc);
      for (Slip slip : issued.slips()) {
        assertThat(all).contains(slip.id().formatted()).contains(slip.serial().toString());
      }
      assertThat(all).contains("EUR 10.00", "Service calls", "Expiry 2027-12-31");
      PDFTextStripper one = new PDFTextStripper();
      for (int p = 1; p <= 6; p++) {
        one.setStartPage(p);
        one.setEndPage(p);
        String text = one.getText(doc);
        int sheet = (p + 1) / 2;
        assertThat(text)
            .contains("Batch " + issued.prefix() + "   Sheet " + sheet + "   Page " + p + " of 6");
        // the page holds its sheet's slips only: 6 on the first page of a sheet, 4 on the second
        int first = (sheet - 1) * 10 + (p % 2 == 1 ? 1 : 7);
        int last = first + (p % 2 == 1 ? 5 : 3);
        for (Slip slip : issued.slips()) {
          int seq = slip.serial().sequence();
          boolean here = seq >= first && seq <= last;
          assertThat(text.contains(slip.serial().toString()))
              .as("%s on page %d", slip, p)
              .isEqualTo(here);
        }
      }
    }
  }

  @Test
  void everyQrCodeDecodesToTheIdOfItsSlipAndTheSetIsTheBatch() throws Exception {
    IssuedSlips issued = TestSlips.issued(2, 25, 500, null);
    SheetLayout layout = SheetLayout.DEFAULT;
    SlipPrinter printer = SlipPrinter.builder().layout(layout).clock(CLOCK).build();
    byte[] bytes = pdf(printer, PrintBatch.of(issued, TestSlips.EXPIRY));

    // sheets of 25 on pages of 21: 21 + 4 per sheet
    List<List<IdNumber>> expected = new ArrayList<>();
    List<Slip> slips = issued.slips();
    for (int sheet = 0; sheet < 2; sheet++) {
      expected.add(ids(slips.subList(sheet * 25, sheet * 25 + 21)));
      expected.add(ids(slips.subList(sheet * 25 + 21, sheet * 25 + 25)));
    }
    Set<IdNumber> decoded = new HashSet<>();
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(4);
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int p = 0; p < 4; p++) {
        BufferedImage image = renderer.renderImageWithDPI(p, DPI, ImageType.GRAY);
        BufferedImage finer = null;
        List<IdNumber> onPage = expected.get(p);
        for (int cell = 0; cell < layout.slipsPerPage(); cell++) {
          String text = decode(crop(image, layout, cell, DPI));
          if (text == null || text.startsWith("unreadable")) {
            // a scanner takes another look: ZXing's detector misreads about one code in a few
            // hundred at one resolution (a FormatException), each time a different code
            if (finer == null) {
              finer = renderer.renderImageWithDPI(p, FINER_DPI, ImageType.GRAY);
            }
            String second = decode(crop(finer, layout, cell, FINER_DPI));
            text = second != null || text == null ? second : text;
          }
          if (cell < onPage.size()) {
            assertThat(text)
                .as("page %d cell %d", p + 1, cell)
                .isEqualTo(onPage.get(cell).digits());
            decoded.add(IdNumber.parse(text));
          } else {
            assertThat(text).as("empty cell %d of page %d", cell, p + 1).isNull();
          }
        }
      }
    }
    assertThat(decoded).isEqualTo(new HashSet<>(ids(slips)));
  }

  @Test
  void aServiceNameTheFontCannotShowIsPrintedWithQuestionMarksAndCutToFit() throws Exception {
    String service = "Ελλάδα, \"intl\"\nline two and a name far too long for one slip of the sheet";
    Iterable<Slip> slips = TestSlips.generated("W1", 3, Money.of(250, "JPY"), service);
    SlipPrinter printer = SlipPrinter.builder().clock(CLOCK).build();
    byte[] bytes =
        pdf(printer, new PrintBatch("W1", 3, dev.idsettle.ledger.ExpiryPolicy.never(), slips));
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Service ??????, \"intl\" lin...", "JPY 250");
      assertThat(text).contains("Expiry never").contains(TestSlips.id(3).formatted());
    }
  }

  @Test
  void progressRunsFromZeroToTheTotalPageByPage() throws Exception {
    List<long[]> updates = new ArrayList<>();
    Iterable<Slip> slips = TestSlips.generated("PG", 50, TestSlips.eur(100), null);
    SlipPrinter printer = SlipPrinter.builder().layout(SheetLayout.a4(2, 5)).clock(CLOCK).build();
    printer.writePdf(
        new PrintBatch("PG", 20, TestSlips.EXPIRY, slips),
        new ByteArrayOutputStream(),
        (done, total) -> updates.add(new long[] {done, total}));
    // pages of 10, sheets of 20: 5 pages, an update before, after each page but the last, and one
    // at the end
    assertThat(updates.stream().map(u -> u[0]).toList())
        .containsExactly(0L, 10L, 20L, 30L, 40L, 50L);
    assertThat(updates).allMatch(u -> u[1] == 50);
  }

  private static List<IdNumber> ids(List<Slip> slips) {
    return slips.stream().map(Slip::id).toList();
  }

  /** The cell's QR side of the page image, from the layout's geometry. */
  private static BufferedImage crop(BufferedImage page, SheetLayout layout, int cell, float dpi) {
    float scale = dpi / 72;
    float pageHeight = layout.paper().heightPt();
    int x = Math.round(layout.cellX(cell) * scale);
    int y = Math.round((pageHeight - layout.cellY(cell) - layout.cellHeightPt()) * scale);
    // the QR code's square and a millimetre of white beyond it: no text
    int w = Math.round((SlipCell.qrRight(layout) + Paper.pt(1)) * scale);
    int h = Math.round(layout.cellHeightPt() * scale);
    return page.getSubimage(x + 2, y + 2, w, h - 4);
  }

  private static @Nullable String decode(BufferedImage image) throws Exception {
    BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
    String failure = null;
    for (BinaryBitmap bitmap :
        List.of(
            new BinaryBitmap(new HybridBinarizer(source)),
            new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
      try {
        Result r =
            new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return r.getText();
      } catch (NotFoundException e) {
        // try the other binarizer
      } catch (ChecksumException | FormatException e) {
        failure = "unreadable: " + e;
      }
    }
    return failure;
  }
}
