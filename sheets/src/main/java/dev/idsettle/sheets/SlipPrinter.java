package dev.idsettle.sheets;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Prints a batch of slips, once: a PDF of sheets to cut into slips, and a CSV print file for a card
 * printer. Built once, reusable and thread-safe (each call has its own state).
 *
 * <pre>{@code
 * IssuedSlips issued = slips.issue("B7", 10, 20, Money.of(1000, "EUR"), null, expiry);
 * PrintBatch batch = PrintBatch.of(issued, expiry);
 * SlipPrinter printer = SlipPrinter.builder().layout(SheetLayout.a4(3, 7)).build();
 * try (OutputStream pdf = Files.newOutputStream(Path.of("B7.pdf"))) {
 *   printer.writePdf(batch, pdf, (done, total) -> bar.stepTo(done));
 * }
 * }</pre>
 *
 * <p>Each output reads the batch's slips twice: once to check and total them, writing nothing if
 * one is bad, then to write them. Bad input is an {@link InvalidRequestException} naming the field:
 * no slips, a null slip, a slip of another batch, serials out of order or repeated, mixed
 * currencies ({@code MoneyException}), a face value not positive. The ID numbers appear only in the
 * output, never in an exception message.
 */
public final class SlipPrinter {
  private final SheetLayout layout;
  private final Clock clock;
  private final ZoneId zone;

  private SlipPrinter(Builder b) {
    this.layout = b.layout;
    this.clock = b.clock;
    this.zone = b.zone;
  }

  /** A builder: A4 with 3 x 7 slips a page, the UTC system clock, dates in UTC. */
  public static Builder builder() {
    return new Builder();
  }

  /** The layout of the PDF's pages. */
  public SheetLayout layout() {
    return layout;
  }

  /**
   * Checks {@code batch} and totals it without writing anything: what {@link #writePdf} and {@link
   * #writeCsv} would report.
   *
   * @throws InvalidRequestException for bad input, as described on this class
   */
  public PrintSummary check(PrintBatch batch) {
    requireBatch(batch);
    return BatchCheck.scan(batch, layout, clock.instant());
  }

  /** {@link #writePdf(PrintBatch, OutputStream, PrintProgress)} without progress updates. */
  public PrintSummary writePdf(PrintBatch batch, OutputStream out) throws IOException {
    return writePdf(batch, out, PrintProgress.none());
  }

  /**
   * Writes the PDF of sheets to {@code out}: each page holds slips of one sheet, laid out as {@link
   * #layout()} says, under a header with the batch prefix, the sheet number and "page x of y". Each
   * slip shows its face value with the currency, its ID number in groups of four, its serial, its
   * service, the batch's expiry and a QR code of the ID's digits, with cut marks between the slips.
   * Pages go to a scratch file as they are done; the document is written to {@code out} at the end.
   * {@code out} is flushed, not closed.
   *
   * @return the totals written
   * @throws InvalidRequestException for bad input, before anything is written (or, if the slips
   *     change between the two passes, after part of it was)
   * @throws IOException if writing to {@code out} or the scratch file fails
   */
  public PrintSummary writePdf(PrintBatch batch, OutputStream out, PrintProgress progress)
      throws IOException {
    requireArguments(batch, out, progress);
    PrintSummary plan = BatchCheck.scan(batch, layout, clock.instant());
    new PdfSheets(layout, zone).write(batch, plan, out, progress);
    return plan;
  }

  /** {@link #writeCsv(PrintBatch, OutputStream, PrintProgress)} without progress updates. */
  public PrintSummary writeCsv(PrintBatch batch, OutputStream out) throws IOException {
    return writeCsv(batch, out, PrintProgress.none());
  }

  /**
   * Writes the CSV print file for a card printer to {@code out}, in UTF-8, records as RFC 4180 says
   * (comma separated, CRLF, a field with a comma, quote, line break or edge space quoted and its
   * quotes doubled).
   *
   * <p>As voucher print files of prepaid systems do, a header block comes first, one {@code
   * #key,value} record a line, which a reader skips as comment lines: {@code #idsettle slip print
   * file,1} (the format and its version), {@code #batch}, {@code #count}, {@code #total_face_value}
   * (major units, exact), {@code #currency}, {@code #first_serial}, {@code #last_serial}, {@code
   * #expiry}, {@code #sheet_size}, {@code #created} (ISO instant). Then a line of column names, and
   * one line per slip: {@code serial, id} (the digits, for a barcode), {@code id_grouped} (as
   * printed), {@code face_value, currency, service} (empty for any), {@code expiry, sheet,
   * slip_on_sheet}. {@code out} is flushed, not closed.
   *
   * @return the totals written
   * @throws InvalidRequestException for bad input, before anything is written (or, if the slips
   *     change between the two passes, after part of it was)
   * @throws IOException if writing to {@code out} fails
   */
  public PrintSummary writeCsv(PrintBatch batch, OutputStream out, PrintProgress progress)
      throws IOException {
    requireArguments(batch, out, progress);
    PrintSummary plan = BatchCheck.scan(batch, layout, clock.instant());
    CsvPrintFile.write(batch, plan, layout, zone, out, progress);
    return plan;
  }

  private static void requireBatch(PrintBatch batch) {
    if (batch == null) {
      throw new InvalidRequestException("batch must not be null");
    }
  }

  private static void requireArguments(PrintBatch batch, OutputStream out, PrintProgress progress) {
    requireBatch(batch);
    if (out == null) {
      throw new InvalidRequestException("out must not be null");
    }
    if (progress == null) {
      throw new InvalidRequestException("progress must not be null");
    }
  }

  /** Settings of a {@link SlipPrinter}; each setter checks its value. */
  public static final class Builder {
    private SheetLayout layout = SheetLayout.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneOffset.UTC;

    private Builder() {}

    /** The layout of the PDF's pages (default {@link SheetLayout#DEFAULT}). */
    public Builder layout(SheetLayout layout) {
      this.layout = require(layout, "layout");
      return this;
    }

    /** The clock that stamps the output's creation time (default the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /** The zone in which expiry dates and the print time are shown (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = require(zone, "zone");
      return this;
    }

    /** The printer. */
    public SlipPrinter build() {
      return new SlipPrinter(this);
    }

    private static <T> T require(T value, String field) {
      if (value == null) {
        throw new InvalidConfigurationException(field + " must not be null");
      }
      return value;
    }
  }
}
