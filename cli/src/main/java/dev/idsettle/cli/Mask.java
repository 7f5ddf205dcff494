package dev.idsettle.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The last line of defence for text the CLI prints from elsewhere (an error message, an echoed
 * argument): any run of 12 or more digits, grouped by spaces or dashes or not, is masked as {@link
 * dev.idsettle.id.IdNumber#masked()} masks an ID. What the CLI prints of an ID itself goes through
 * the library's masking.
 */
final class Mask {
  private static final Pattern DIGITS = Pattern.compile("\\d(?:[ -]?\\d){11,}");

  private Mask() {}

  static String scrub(@Nullable String text) {
    if (text == null) {
      return "";
    }
    Matcher m = DIGITS.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String digits = m.group().replaceAll("[ -]", "");
      String masked = "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
      m.appendReplacement(out, Matcher.quoteReplacement(masked));
    }
    m.appendTail(out);
    return out.toString();
  }
}
