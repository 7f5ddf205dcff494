package dev.idsettle.sheets;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 records: fields separated by commas, records ended by CRLF, quoted when needed. */
final class Csv {
  private final Writer out;

  Csv(Writer out) {
    this.out = out;
  }

  /** Writes one record of {@code fields}. */
  void record(String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      field(fields[i]);
    }
    out.write("\r\n");
  }

  private void field(String value) throws IOException {
    if (!needsQuotes(value)) {
      out.write(value);
      return;
    }
    out.write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.write('"');
      }
      out.write(c);
    }
    out.write('"');
  }

  /** A field with a comma, a quote, a line break, or space at either end is quoted. */
  static boolean needsQuotes(String value) {
    if (value.isEmpty()) {
      return false;
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
