package dev.idsettle.sheets;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The cut marks of a page: a dashed grey line along every cell edge, and a solid mark extending
 * each edge into the margin (6 mm at the sides and the foot, 3 mm below the header), so the sheet
 * can be cut with a guillotine from its edges.
 */
final class CutMarks {
  private static final float[] DASH = {3, 3};

  private CutMarks() {}

  static void draw(PDPageContentStream cs, SheetLayout layout) throws IOException {
    float left = layout.cellX(0);
    float right = left + layout.columns() * layout.cellWidthPt();
    float top = layout.gridTopPt();
    float bottom = top - layout.rows() * layout.cellHeightPt();
    float mark = Paper.pt(6);
    cs.saveGraphicsState();
    cs.setLineWidth(0.3f);
    cs.setStrokingColor(0.6f);
    cs.setLineDashPattern(DASH, 0);
    for (int c = 0; c <= layout.columns(); c++) {
      float x = left + c * layout.cellWidthPt();
      cs.moveTo(x, bottom);
      cs.lineTo(x, top);
    }
    for (int r = 0; r <= layout.rows(); r++) {
      float y = top - r * layout.cellHeightPt();
      cs.moveTo(left, y);
      cs.lineTo(right, y);
    }
    cs.stroke();
    cs.setLineDashPattern(new float[0], 0);
    cs.setStrokingColor(0f);
    for (int c = 0; c <= layout.columns(); c++) {
      float x = left + c * layout.cellWidthPt();
      cs.moveTo(x, bottom - 1);
      cs.lineTo(x, bottom - mark);
      cs.moveTo(x, top + 1);
      cs.lineTo(x, top + Paper.pt(3));
    }
    for (int r = 0; r <= layout.rows(); r++) {
      float y = top - r * layout.cellHeightPt();
      cs.moveTo(left - 1, y);
      cs.lineTo(left - mark, y);
      cs.moveTo(right + 1, y);
      cs.lineTo(right + mark, y);
    }
    cs.stroke();
    cs.restoreGraphicsState();
  }
}
