package dev.idsettle.sheets;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import dev.idsettle.roles.Slip;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * Writes the PDF of sheets, page by page: each page's content is compressed into a scratch file as
 * soon as the page is done, so the heap holds one page and the pages' small dictionaries, never the
 * batch. The fonts are the standard Helvetica (nothing embedded, nothing cached per page) and the
 * QR codes are drawn as filled rectangles, one per run of dark modules.
 */
final class PdfSheets {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

  private final SheetLayout layout;
  private final ZoneId zone;
  private final PdfText regular = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
  private final PdfText bold =
      new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));

  PdfSheets(SheetLayout layout, ZoneId zone) {
    this.layout = layout;
    this.zone = zone;
  }

  void write(PrintBatch batch, PrintSummary plan, OutputStream out, PrintProgress progress)
      throws IOException {
    String expiry = Texts.expiry(batch.expiry(), zone);
    String created = STAMP.format(ZonedDateTime.ofInstant(plan.created(), zone));
    progress.update(0, plan.count());
    try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      describe(doc, plan);
      BatchCheck again = new BatchCheck(batch, layout);
      SlipCell cell = new SlipCell(layout, regular, bold, expiry);
      PDPageContentStream page = null;
      try {
        for (Slip slip : batch.slips()) {
          if (again.accept(slip)) {
            if (page != null) {
              page.close();
              progress.update(again.count() - 1, plan.count());
            }
            page = newPage(doc, batch.prefix(), again.pager(), plan.pages(), created);
          }
          cell.draw(requirePage(page), again.pager().cell(), slip);
        }
      } finally {
        if (page != null) {
          page.close();
        }
      }
      BatchCheck.requireSame(plan, again.summary(plan.created()));
      doc.save(new KeepOpen(out));
    }
    out.flush();
    progress.update(plan.count(), plan.count());
  }

  private static PDPageContentStream requirePage(@Nullable PDPageContentStream page) {
    if (page == null) {
      throw new IllegalStateException("the first slip starts a page");
    }
    return page;
  }

  private void describe(PDDocument doc, PrintSummary plan) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle("Slips of batch " + plan.prefix());
    info.setCreator("idsettle");
    Calendar when = new GregorianCalendar(TimeZone.getTimeZone(zone), Locale.ROOT);
    when.setTimeInMillis(plan.created().toEpochMilli());
    info.setCreationDate(when);
  }

  private PDPageContentStream newPage(
      PDDocument doc, String prefix, Pager pager, int pages, String created) throws IOException {
    Paper paper = layout.paper();
    PDPage page = new PDPage(new PDRectangle(paper.widthPt(), paper.heightPt()));
    doc.addPage(page);
    PDPageContentStream cs = new PDPageContentStream(doc, page);
    float margin = Paper.pt(SheetLayout.MARGIN_MM);
    float baseline = paper.heightPt() - margin - Paper.pt(7);
    String left =
        "Batch "
            + prefix
            + "   Sheet "
            + pager.sheet()
            + "   Page "
            + pager.pages()
            + " of "
            + pages;
    text(cs, bold, 10, margin, baseline, left);
    String right = "Printed " + created + "   one-time print: keep safe";
    float w = regular.width(regular.safe(right), 7);
    text(cs, regular, 7, paper.widthPt() - margin - w, baseline, right);
    CutMarks.draw(cs, layout);
    return cs;
  }

  static void text(PDPageContentStream cs, PdfText font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font.font(), size);
    cs.newLineAtOffset(x, y);
    cs.showText(font.safe(s));
    cs.endText();
  }

  /** Draws {@code modules} as one filled path, its top left corner at (x, top). */
  static void qr(PDPageContentStream cs, ByteMatrix modules, float x, float top, float module)
      throws IOException {
    for (int row = 0; row < modules.getHeight(); row++) {
      int col = 0;
      while (col < modules.getWidth()) {
        if (modules.get(col, row) != 1) {
          col++;
          continue;
        }
        int start = col;
        while (col < modules.getWidth() && modules.get(col, row) == 1) {
          col++;
        }
        // a hair taller and wider than the run: rows drawn edge to edge leave no light seam
        float bleed = module * 0.04f;
        cs.addRect(
            x + start * module,
            top - (row + 1) * module - bleed,
            (col - start) * module + bleed,
            module + bleed);
      }
    }
    cs.fill();
  }

  /** PDFBox closes the stream it saves to; the caller owns {@code out}. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
