package dev.idsettle.catalog.access;

import dev.idsettle.InvalidRequestException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One region of the directory: what the user picks, and what they are shown.
 *
 * @param code the region's key, 1 to 32 characters of {@code a-z}, {@code 0-9} and {@code -}
 *     (stable across edits, so a bookmarked choice survives)
 * @param name the name shown to the user, 1 to 100 characters
 * @param numbers the access numbers to dial, in the order shown, at least one; each 3 to 32
 *     characters of digits, spaces and {@code + - ( ) .}, with at least 3 digits
 * @param notes what the user should know (hours, charges, language), possibly empty; at most 1000
 *     characters
 */
public record Region(String code, String name, List<String> numbers, String notes) {
  private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,32}");
  private static final Pattern NUMBER = Pattern.compile("[0-9+()\\-. ]{3,32}");

  /** Checks every field; the message names the one that is wrong. */
  public Region {
    code = require(code, "code");
    name = require(name, "name");
    notes = require(notes, "notes");
    String problem = codeProblem(code);
    if (problem == null) {
      problem = nameProblem(name);
    }
    if (problem == null) {
      problem = notesProblem(notes);
    }
    if (problem != null) {
      throw new InvalidRequestException(problem);
    }
    if (numbers == null || numbers.isEmpty()) {
      throw new InvalidRequestException("numbers must list at least one access number");
    }
    for (int i = 0; i < numbers.size(); i++) {
      String n = numbers.get(i);
      if (n == null || !isNumber(n)) {
        throw new InvalidRequestException("numbers[" + i + "] " + NUMBER_RULE);
      }
    }
    numbers = List.copyOf(numbers);
  }

  static final String NUMBER_RULE =
      "must be 3 to 32 characters of digits, spaces and + - ( ) . with at least 3 digits";

  /** Whether {@code n} is an access number as a region may list it. */
  static boolean isNumber(String n) {
    return NUMBER.matcher(n).matches() && n.chars().filter(Character::isDigit).count() >= 3;
  }

  static @Nullable String codeProblem(String code) {
    return CODE.matcher(code).matches()
        ? null
        : "code must be 1 to 32 characters of a-z, 0-9 and '-', was \"" + shorten(code) + "\"";
  }

  static @Nullable String nameProblem(String name) {
    return name.isBlank() || name.length() > 100
        ? "name must have 1 to 100 characters, not blank"
        : null;
  }

  static @Nullable String notesProblem(String notes) {
    return notes.length() > 1000 ? "notes must have at most 1000 characters" : null;
  }

  private static String require(String value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field + " is required");
    }
    return value;
  }

  private static String shorten(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
