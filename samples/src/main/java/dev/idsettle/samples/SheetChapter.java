package dev.idsettle.samples;

import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.Slips;
import dev.idsettle.sheets.PrintBatch;
import dev.idsettle.sheets.PrintSummary;
import dev.idsettle.sheets.SheetLayout;
import dev.idsettle.sheets.SlipPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chapter 1: the operator issues a batch of slips (claims 10, 12, 13), one sheet of six, each with
 * its ID, serial number and face value, and prints it to a PDF; the batch is then handed to the
 * stores (distributed), the only state in which its slips can be sold.
 */
final class SheetChapter {
  static final int SLIPS = 6;
  static final Money FACE_VALUE = Story.eur(1000);

  /**
   * What the chapter made.
   *
   * @param batch the issued slips
   * @param pdf the printed sheet
   * @param state the batch's state at the end
   */
  record Sheet(IssuedSlips batch, Path pdf, BatchState state) {}

  private SheetChapter() {}

  private static PrintSummary print(IssuedSlips batch, Path pdf) {
    try (OutputStream out = Files.newOutputStream(pdf)) {
      // one page of two columns: wide cells, so the serials print in full
      return SlipPrinter.builder()
          .layout(SheetLayout.a4(2, SLIPS / 2))
          .build()
          .writePdf(PrintBatch.of(batch, ExpiryPolicy.never()), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pdf, e);
    }
  }

  static Sheet tell(Story s, Slips slips, Path directory) {
    s.chapter(1, "A sheet of slips is issued and printed");
    String prefix = "S" + s.runUpper().substring(0, 6);
    IssuedSlips batch = slips.issue(prefix, 1, SLIPS, FACE_VALUE, null, ExpiryPolicy.never());
    s.say(
        "Batch %s: %d slips of %s, usable at any service (the store keeps only HMACs of the IDs):",
        prefix, batch.slips().size(), FACE_VALUE);
    for (Slip slip : batch.slips()) {
      s.say("  %s  %s  %s", slip.serial(), slip.id(), slip.faceValue());
    }
    Path pdf = directory.resolve("sheet-" + prefix + ".pdf");
    PrintSummary printed = print(batch, pdf);
    slips.advance(prefix, BatchState.PRINTED);
    s.say(
        "Printed %s to %s to %s: %d page, %d slips worth %s, with cut marks and a QR code each",
        printed.first(),
        printed.last(),
        pdf.getFileName(),
        printed.pages(),
        printed.count(),
        printed.total());
    s.say("(the PDF is the only place the full numbers are written: keep it safe)");
    BatchState state = slips.advance(prefix, BatchState.DISTRIBUTED);
    s.say("The batch is %s: the stores may sell its slips now", state);
    return new Sheet(batch, pdf, state);
  }
}
