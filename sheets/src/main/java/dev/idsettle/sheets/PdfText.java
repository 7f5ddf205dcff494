package dev.idsettle.sheets;

import java.io.IOException;
import java.util.BitSet;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text a standard (non-embedded) font can show: a character its encoding lacks becomes {@code ?}, a
 * control character a space, and a line too wide is cut with {@code ...}. Remembers what it learnt
 * of each character, so a million slips cost one probe per distinct character.
 */
final class PdfText {
  private final PDFont font;
  private final BitSet probed = new BitSet();
  private final BitSet shown = new BitSet();

  PdfText(PDFont font) {
    this.font = font;
  }

  PDFont font() {
    return font;
  }

  /** {@code text} with every character the font cannot show replaced. */
  String safe(String text) throws IOException {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s = Character.isISOControl(c) ? ' ' : showable(c) ? c : '?';
      if (s != c && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        out.append(s);
      }
    }
    return out == null ? text : out.toString();
  }

  private boolean showable(char c) throws IOException {
    if (!probed.get(c)) {
      probed.set(c);
      try {
        font.encode(String.valueOf(c));
        shown.set(c);
      } catch (IllegalArgumentException e) {
        // the font's encoding has no code for it: shown as '?'
      }
    }
    return shown.get(c);
  }

  /** The width of {@code text} at {@code size} points. */
  float width(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** {@code text} made safe and cut to fit {@code maxWidth} points at {@code size}. */
  String fit(String text, float size, float maxWidth) throws IOException {
    String s = safe(text);
    if (width(s, size) <= maxWidth) {
      return s;
    }
    int end = s.length();
    while (end > 0 && width(s.substring(0, end) + "...", size) > maxWidth) {
      end--;
    }
    return s.substring(0, end) + "...";
  }
}
