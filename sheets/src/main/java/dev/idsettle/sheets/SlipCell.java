package dev.idsettle.sheets;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import dev.idsettle.roles.Slip;
import java.io.IOException;
import java.util.Currency;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * One slip in its cell: the QR code of the ID on the left; on the right the face value, the ID in
 * groups of four (as {@code IdNumber.formatted()} prints it), the serial, the service and the
 * expiry.
 */
final class SlipCell {
  private static final float PAD = Paper.pt(3);
  private static final float GAP = Paper.pt(2);
  private static final float VALUE_SIZE = 12;
  private static final float ID_SIZE = 11;
  private static final float SMALL = 7;
  // modules of white around a QR code: a one-module border decoded about one run in six as a
  // FormatException in the test's scan of the rendered page
  private static final int QUIET_ZONE = 4;

  private final SheetLayout layout;
  private final PdfText regular;
  private final PdfText bold;
  private final String expiry;
  private final float qrSide;
  private final float textWidth;

  SlipCell(SheetLayout layout, PdfText regular, PdfText bold, String expiry) {
    this.layout = layout;
    this.regular = regular;
    this.bold = bold;
    this.expiry = expiry;
    this.qrSide = qrSide(layout);
    this.textWidth = layout.cellWidthPt() - 2 * PAD - qrSide - GAP;
  }

  /**
   * The side of the square a QR code takes, its quiet zone of four modules on each side included
   * (ISO/IEC 18004), in points.
   */
  static float qrSide(SheetLayout layout) {
    return Math.min(layout.cellHeightPt() - 2 * PAD, Math.min(layout.cellWidthPt() * 0.4f, 100));
  }

  /** How far from a cell's left edge its QR code's square ends, in points. */
  static float qrRight(SheetLayout layout) {
    return PAD + qrSide(layout);
  }

  void draw(PDPageContentStream cs, int index, Slip slip) throws IOException {
    float x = layout.cellX(index);
    float y = layout.cellY(index);
    float h = layout.cellHeightPt();
    ByteMatrix modules = QrModules.of(slip.id().digits());
    float module = qrSide / (modules.getWidth() + 2 * QUIET_ZONE);
    float qrTop = y + (h + modules.getHeight() * module) / 2;
    PdfSheets.qr(cs, modules, x + PAD + QUIET_ZONE * module, qrTop, module);

    float tx = x + PAD + qrSide + GAP;
    float line = y + h - PAD - VALUE_SIZE;
    Currency currency = slip.faceValue().currency();
    String value =
        currency.getCurrencyCode() + " " + Texts.amount(slip.faceValue().minor(), currency);
    PdfSheets.text(cs, bold, VALUE_SIZE, tx, line, bold.fit(value, VALUE_SIZE, textWidth));

    String id = slip.id().formatted();
    float idSize = Math.min(ID_SIZE, textWidth / bold.width(id, 1));
    line -= idSize + 4;
    PdfSheets.text(cs, bold, idSize, tx, line, id);

    String service = slip.service();
    String[] small = {
      "Serial " + slip.serial(),
      service == null ? "Any service" : "Service " + service,
      "Expiry " + expiry
    };
    line -= 3;
    for (String s : small) {
      line -= SMALL + 2;
      PdfSheets.text(cs, regular, SMALL, tx, line, regular.fit(s, SMALL, textWidth));
    }
  }
}
