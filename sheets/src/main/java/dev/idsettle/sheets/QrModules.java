package dev.idsettle.sheets;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/** The modules of a QR code (ZXing's encoder), without its quiet zone. */
final class QrModules {
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1");

  private QrModules() {}

  /**
   * The QR code of {@code digits} at error correction level H (30 % of a scuffed slip's code may be
   * lost), numeric mode: version 1 for up to 17 digits, version 2 up to 34.
   */
  static ByteMatrix of(String digits) {
    try {
      return Encoder.encode(digits, ErrorCorrectionLevel.H, HINTS).getMatrix();
    } catch (WriterException e) {
      // an ID of at most 32 digits fits in a version-2 code: this is a bug, and names no digit
      throw new IllegalStateException("a QR code could not be made for an ID number", e);
    }
  }
}
