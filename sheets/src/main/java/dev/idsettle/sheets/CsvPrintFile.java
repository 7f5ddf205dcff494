package dev.idsettle.sheets;

import dev.idsettle.roles.Slip;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Writes the CSV print file (format described on {@link SlipPrinter#writeCsv}): a header block of
 * {@code #}-lines with the batch's totals, a line of column names, one line per slip.
 */
final class CsvPrintFile {
  static final String FORMAT = "idsettle slip print file";
  static final String VERSION = "1";
  static final String[] COLUMNS = {
    "serial",
    "id",
    "id_grouped",
    "face_value",
    "currency",
    "service",
    "expiry",
    "sheet",
    "slip_on_sheet"
  };
  private static final int PROGRESS_EVERY = 1000;

  private CsvPrintFile() {}

  static void write(
      PrintBatch batch,
      PrintSummary summary,
      SheetLayout layout,
      ZoneId zone,
      OutputStream out,
      PrintProgress progress)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    Csv csv = new Csv(w);
    Currency currency = summary.total().currency();
    String expiry = Texts.expiry(batch.expiry(), zone);
    csv.record("#" + FORMAT, VERSION);
    csv.record("#batch", summary.prefix());
    csv.record("#count", Long.toString(summary.count()));
    csv.record("#total_face_value", Texts.amount(summary.total().minor(), currency));
    csv.record("#currency", currency.getCurrencyCode());
    csv.record("#first_serial", summary.first().toString());
    csv.record("#last_serial", summary.last().toString());
    csv.record("#expiry", expiry);
    csv.record("#sheet_size", Integer.toString(batch.sheetSize()));
    csv.record("#created", summary.created().toString());
    csv.record(COLUMNS);
    progress.update(0, summary.count());
    BatchCheck again = new BatchCheck(batch, layout);
    int size = batch.sheetSize();
    for (Slip slip : batch.slips()) {
      again.accept(slip);
      int seq = slip.serial().sequence();
      String service = slip.service();
      csv.record(
          slip.serial().toString(),
          slip.id().digits(),
          slip.id().formatted(),
          Texts.amount(slip.faceValue().minor(), currency),
          currency.getCurrencyCode(),
          service == null ? "" : service,
          expiry,
          Long.toString((seq - 1L) / size + 1),
          Integer.toString((seq - 1) % size + 1));
      if (again.count() % PROGRESS_EVERY == 0) {
        progress.update(again.count(), summary.count());
      }
    }
    w.flush();
    BatchCheck.requireSame(summary, again.summary(summary.created()));
    progress.update(summary.count(), summary.count());
  }
}
