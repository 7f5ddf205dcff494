package dev.idsettle.metering.tariff;

import dev.idsettle.InvalidRequestException;

/** A tariff file is malformed; the message names the file, the line and the field. */
public final class TariffFileException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  /** The file, the 1-based line, the field path ({@code rates[2].intervals[0].increment}). */
  public TariffFileException(String file, int line, String field, String problem) {
    super(file + " line " + line + ", " + field + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The line (1-based). */
  public int line() {
    return line;
  }

  /** The field's path. */
  public String field() {
    return field;
  }
}
