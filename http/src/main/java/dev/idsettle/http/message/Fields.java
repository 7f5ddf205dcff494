package dev.idsettle.http.message;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checks the message records make of their fields, with messages that name the field. */
final class Fields {
  /** The longest text field (a reference, a service name), in characters. */
  static final int MAX_TEXT = 200;

  private Fields() {}

  static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new MalformedMessageException(field + " is required");
    }
    return value;
  }

  static int version(int v) {
    if (v == 0) {
      throw new MalformedMessageException(
          "v is required: the message version, " + Messages.VERSION);
    }
    if (v != Messages.VERSION) {
      // the value is not quoted: a body may carry anything there, an ID number too
      throw new MalformedMessageException(
          "v must be " + Messages.VERSION + " (the version this side speaks)");
    }
    return v;
  }

  static String text(@Nullable String value, String field) {
    String s = require(value, field);
    if (s.isBlank() || s.length() > MAX_TEXT) {
      throw new MalformedMessageException(
          field + " must have 1 to " + MAX_TEXT + " characters and not be blank");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        throw new MalformedMessageException(field + " must not contain control characters");
      }
    }
    return s;
  }

  static <T> List<T> list(@Nullable List<T> value, String field, int max) {
    List<T> list = require(value, field);
    if (list.isEmpty() || list.size() > max) {
      throw new MalformedMessageException(field + " must have 1 to " + max + " entries");
    }
    for (int i = 0; i < list.size(); i++) {
      require(list.get(i), field + "[" + i + "]");
    }
    return List.copyOf(list);
  }

  static <V> Map<String, V> map(@Nullable Map<String, V> value, String field, boolean mayBeEmpty) {
    Map<String, V> map = require(value, field);
    if (!mayBeEmpty && map.isEmpty()) {
      throw new MalformedMessageException(field + " must not be empty");
    }
    for (Map.Entry<String, V> e : map.entrySet()) {
      text(e.getKey(), field + " key");
      require(e.getValue(), field + "." + e.getKey());
    }
    return Map.copyOf(map);
  }
}
