package dev.idsettle.operator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what could be an ID number in text taken from outside the ledger (an order key, a session
 * id, a gateway reference): every run of eight or more digits, spaces or dashes between them
 * allowed, keeps its last four digits and shows the rest as {@code *}.
 */
final class Masking {
  private static final Pattern DIGITS = Pattern.compile("\\d(?:[ -]?\\d){7,}");

  private Masking() {}

  static String text(String s) {
    Matcher m = DIGITS.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    do {
      String run = m.group().replaceAll("[ -]", "");
      m.appendReplacement(out, "*".repeat(run.length() - 4) + run.substring(run.length() - 4));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
