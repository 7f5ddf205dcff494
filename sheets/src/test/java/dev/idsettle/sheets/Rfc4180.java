package dev.idsettle.sheets;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests, written apart from the product's writer. */
final class Rfc4180 {
  private Rfc4180() {}

  /** The records of {@code text}; every record must end with CRLF. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        field.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new IllegalArgumentException("quote inside an unquoted field at " + i);
        }
        quoted = true;
        wasQuoted = true;
        i++;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          throw new IllegalArgumentException("CR without LF at " + i);
        }
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else if (c == '\n') {
        throw new IllegalArgumentException("LF without CR at " + i);
      } else {
        if (wasQuoted) {
          throw new IllegalArgumentException("text after a closing quote at " + i);
        }
        field.append(c);
        i++;
      }
    }
    if (quoted || field.length() > 0 || !record.isEmpty()) {
      throw new IllegalArgumentException("the last record does not end with CRLF");
    }
    return records;
  }
}
