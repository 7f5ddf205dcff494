package dev.idsettle.catalog.access;

import dev.idsettle.InvalidRequestException;

/** A directory file is malformed; the message names the file, the line and the field. */
public final class DirectoryFileException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  /**
   * A problem with one field.
   *
   * @param file the file's name as given to the loader
   * @param line the 1-based line of the field (0 if the file could not be read at all)
   * @param field the field's path, such as {@code regions[2].numbers[0]}, or {@code (syntax)}
   * @param problem what was wrong
   */
  public DirectoryFileException(String file, int line, String field, String problem) {
    super(file + " line " + line + ", " + field + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The line (1-based; 0 when the file could not be read). */
  public int line() {
    return line;
  }

  /** The field's path. */
  public String field() {
    return field;
  }
}
