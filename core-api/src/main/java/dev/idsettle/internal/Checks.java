package dev.idsettle.internal;

import dev.idsettle.InvalidConfigurationException;
import dev.idsettle.InvalidRequestException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The checks of arguments and settings, with messages that name the field and are safe to log. */
public final class Checks {
  /** How many characters of a value a message quotes. */
  static final int QUOTED = 40;

  private Checks() {}

  /** {@code value}, or an {@link InvalidRequestException} saying {@code field} is missing. */
  public static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field + " must not be null");
    }
    return value;
  }

  /**
   * A copy of {@code values}, or an {@link InvalidRequestException} saying {@code field} or one of
   * its elements is missing.
   */
  public static <T> List<T> elementsNotNull(@Nullable Collection<T> values, String field) {
    Collection<T> checked = notNull(values, field);
    int i = 0;
    for (T v : checked) {
      if (v == null) {
        throw new InvalidRequestException(field + "[" + i + "] must not be null");
      }
      i++;
    }
    return List.copyOf(checked);
  }

  /**
   * {@code value}, or an {@link InvalidConfigurationException} saying {@code setting} is missing.
   */
  public static <T> T settingNotNull(@Nullable T value, String setting) {
    if (value == null) {
      throw new InvalidConfigurationException(setting + " must not be null");
    }
    return value;
  }

  /** An {@link InvalidRequestException}: "{field} {rule}, was {value}". */
  public static InvalidRequestException invalid(String field, @Nullable Object value, String rule) {
    return new InvalidRequestException(field + " " + rule + ", was " + quote(value));
  }

  /** An {@link InvalidConfigurationException}: "{setting} {rule}, was {value}". */
  public static InvalidConfigurationException invalidSetting(
      String setting, @Nullable Object value, String rule) {
    return new InvalidConfigurationException(setting + " " + rule + ", was " + quote(value));
  }

  /**
   * A request string checked on the way in: 1 to {@code maxLength} characters, not blank, no
   * control characters (a CR or LF in a name would forge log lines).
   */
  public static String text(@Nullable String value, String field, int maxLength) {
    String s = notNull(value, field);
    if (s.isBlank() || s.length() > maxLength) {
      throw invalid(field, s, "must have 1 to " + maxLength + " characters and not be blank");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        throw invalid(field, s, "must not contain control characters");
      }
    }
    return s;
  }

  /**
   * {@code value} fit to quote in a message that is safe to log: strings in double quotes with
   * control characters, quotes and backslashes escaped, cut after {@value #QUOTED} characters.
   */
  public static String quote(@Nullable Object value) {
    if (!(value instanceof CharSequence text)) {
      return String.valueOf(value);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), QUOTED) + 8).append('"');
    int n = Math.min(text.length(), QUOTED);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c)
          || c == '\u2028'
          || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (text.length() > n) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
