package dev.idsettle.sheets;

import dev.idsettle.InvalidRequestException;

/**
 * How slips are laid out on a page of the PDF: the paper and a grid of {@code columns} x {@code
 * rows} cells, one slip per cell, inside a 10 mm margin and below a 12 mm sheet header. Cut marks
 * run between the cells.
 *
 * @param paper the paper size
 * @param columns slips across a page, at least 1
 * @param rows slips down a page, at least 1
 */
public record SheetLayout(Paper paper, int columns, int rows) {
  /** A4 with 3 columns of 7 slips: 21 slips of about 63 x 38 mm a page. */
  public static final SheetLayout DEFAULT = new SheetLayout(Paper.A4, 3, 7);

  static final double MARGIN_MM = 10;
  static final double HEADER_MM = 12;

  /** The smallest cell a slip fits in: a QR code, the grouped ID and four lines of text. */
  static final double MIN_CELL_WIDTH_MM = 50;

  static final double MIN_CELL_HEIGHT_MM = 25;

  /**
   * Checks the fields, and that a slip fits in a cell.
   *
   * @throws InvalidRequestException naming {@code paper}, {@code columns} or {@code rows}
   */
  public SheetLayout {
    if (paper == null) {
      throw new InvalidRequestException("paper must not be null");
    }
    if (columns < 1) {
      throw new InvalidRequestException("columns must be at least 1, was " + columns);
    }
    if (rows < 1) {
      throw new InvalidRequestException("rows must be at least 1, was " + rows);
    }
    double width = (paper.widthMm() - 2 * MARGIN_MM) / columns;
    if (width < MIN_CELL_WIDTH_MM) {
      throw new InvalidRequestException(
          "columns "
              + columns
              + " leave slips "
              + (int) width
              + " mm wide on "
              + paper
              + ": a slip needs "
              + (int) MIN_CELL_WIDTH_MM
              + " mm, so at most "
              + (int) ((paper.widthMm() - 2 * MARGIN_MM) / MIN_CELL_WIDTH_MM)
              + " columns");
    }
    double height = (paper.heightMm() - 2 * MARGIN_MM - HEADER_MM) / rows;
    if (height < MIN_CELL_HEIGHT_MM) {
      throw new InvalidRequestException(
          "rows "
              + rows
              + " leave slips "
              + (int) height
              + " mm high on "
              + paper
              + ": a slip needs "
              + (int) MIN_CELL_HEIGHT_MM
              + " mm, so at most "
              + (int) ((paper.heightMm() - 2 * MARGIN_MM - HEADER_MM) / MIN_CELL_HEIGHT_MM)
              + " rows");
    }
  }

  /** A4 paper with {@code columns} x {@code rows} slips a page. */
  public static SheetLayout a4(int columns, int rows) {
    return new SheetLayout(Paper.A4, columns, rows);
  }

  /** How many slips a page holds. */
  public int slipsPerPage() {
    return columns * rows;
  }

  float cellWidthPt() {
    return (paper.widthPt() - 2 * Paper.pt(MARGIN_MM)) / columns;
  }

  float cellHeightPt() {
    return (paper.heightPt() - 2 * Paper.pt(MARGIN_MM) - Paper.pt(HEADER_MM)) / rows;
  }

  /** The left edge of cell {@code index} (0 is top left, filled row by row), in points. */
  float cellX(int index) {
    return Paper.pt(MARGIN_MM) + (index % columns) * cellWidthPt();
  }

  /** The bottom edge of cell {@code index}, in points from the bottom of the page. */
  float cellY(int index) {
    return gridTopPt() - (index / columns + 1) * cellHeightPt();
  }

  float gridTopPt() {
    return paper.heightPt() - Paper.pt(MARGIN_MM) - Paper.pt(HEADER_MM);
  }
}
