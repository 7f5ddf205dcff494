package dev.idsettle.sales;

import dev.idsettle.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** Argument checks that name the field (core-api's own are internal to it). */
final class Args {
  private Args() {}

  static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field + " must not be null");
    }
    return value;
  }

  static String text(@Nullable String value, String field, int max) {
    String v = notNull(value, field);
    if (v.isBlank() || v.length() > max) {
      throw new InvalidRequestException(
          field + " must be 1 to " + max + " characters and not blank, was " + v.length());
    }
    for (int i = 0; i < v.length(); i++) {
      if (Character.isISOControl(v.charAt(i))) {
        throw new InvalidRequestException(field + " must not contain control characters");
      }
    }
    return v;
  }
}
