package dev.idsettle.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a command's answer goes: plain lines, or one JSON document with stable field names. ID
 * numbers only ever appear here masked ({@link IdNumber#masked()}).
 */
final class Output {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;

  Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  boolean json() {
    return json;
  }

  /** Prints {@code reply}: its JSON, or its text; returns its exit code. */
  int print(Reply reply) {
    if (json) {
      try {
        out.println(JSON.writeValueAsString(reply.json()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    } else {
      out.println(reply.text());
    }
    out.flush();
    return reply.exitCode();
  }

  /** A money value as JSON: minor units and the currency code. */
  static Map<String, Object> money(Money m) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("minor", m.minor());
    j.put("currency", m.currency().getCurrencyCode());
    return j;
  }

  static @Nullable Map<String, Object> moneyOrNull(@Nullable Money m) {
    return m == null ? null : money(m);
  }

  /** The money as the operator reads it, e.g. {@code 12.50 EUR}. */
  static String text(Money m) {
    String s = m.toString();
    int space = s.indexOf(' ');
    return s.substring(space + 1) + " " + s.substring(0, space);
  }

  /** A reply: the exit code, the text form and the JSON form. */
  record Reply(int exitCode, String text, Map<String, @Nullable Object> json) {}
}
