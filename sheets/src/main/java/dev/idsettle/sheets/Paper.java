package dev.idsettle.sheets;

/** The paper a PDF of sheets is laid out on, portrait. */
public enum Paper {
  /** ISO A4, 210 x 297 mm. */
  A4(210, 297),
  /** US Letter, 8.5 x 11 in. */
  LETTER(215.9, 279.4);

  private static final double POINTS_PER_MM = 72 / 25.4;

  private final double widthMm;
  private final double heightMm;

  Paper(double widthMm, double heightMm) {
    this.widthMm = widthMm;
    this.heightMm = heightMm;
  }

  /** The width in millimetres. */
  public double widthMm() {
    return widthMm;
  }

  /** The height in millimetres. */
  public double heightMm() {
    return heightMm;
  }

  float widthPt() {
    return (float) (widthMm * POINTS_PER_MM);
  }

  float heightPt() {
    return (float) (heightMm * POINTS_PER_MM);
  }

  static float pt(double mm) {
    return (float) (mm * POINTS_PER_MM);
  }
}
