package dev.idsettle.catalog;

import dev.idsettle.InvalidRequestException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of caller-supplied text, each failure an {@link InvalidRequestException} naming it. */
final class Text {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]+");

  private Text() {}

  /** 1 to {@code max} printable characters, no control characters, not blank. */
  static String check(@Nullable String value, String field, int max) {
    if (value == null) {
      throw new InvalidRequestException(field + " is required");
    }
    if (value.isBlank() || value.length() > max) {
      throw new InvalidRequestException(
          field + " must have 1 to " + max + " characters, not blank; has " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidRequestException(field + " must not hold control characters");
      }
    }
    return value;
  }

  /** 1 to {@code max} characters of {@code A-Z a-z 0-9 . _ : -}. */
  static String name(@Nullable String value, String field, int max) {
    String v = check(value, field, max);
    if (!NAME.matcher(v).matches()) {
      throw new InvalidRequestException(
          field + " must hold only letters, digits and . _ : -, was \"" + shorten(v) + "\"");
    }
    return v;
  }

  static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field + " is required");
    }
    return value;
  }

  static String shorten(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
