package dev.idsettle.storefront;

/**
 * Builds a page: every piece of text goes through {@link #text} (escaped); markup is written only
 * by this package's own string constants. No script anywhere, no inline style: the content security
 * policy allows neither.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(2048);

  /** Escapes {@code s} for an element's content or a quoted attribute value. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Appends markup written by this package (never text from a request or a store). */
  Html tag(String markup) {
    out.append(markup);
    return this;
  }

  /** Appends {@code s} escaped. */
  Html text(String s) {
    out.append(escape(s));
    return this;
  }

  /** An element with escaped text: {@code <name class="cls">text</name>}. */
  Html el(String name, String cls, String text) {
    out.append('<').append(name);
    if (!cls.isEmpty()) {
      out.append(" class=\"").append(cls).append('"');
    }
    out.append('>').append(escape(text)).append("</").append(name).append('>');
    return this;
  }

  /** A hidden form field. */
  Html hidden(String name, String value) {
    out.append("<input type=\"hidden\" name=\"")
        .append(escape(name))
        .append("\" value=\"")
        .append(escape(value))
        .append("\">");
    return this;
  }

  /** A labelled input: {@code attributes} is markup of this package, {@code value} is escaped. */
  Html input(String label, String name, String type, String value, String attributes) {
    out.append("<label for=\"")
        .append(name)
        .append("\">")
        .append(escape(label))
        .append("</label><input id=\"")
        .append(name)
        .append("\" name=\"")
        .append(name)
        .append("\" type=\"")
        .append(type)
        .append('"');
    if (!value.isEmpty()) {
      out.append(" value=\"").append(escape(value)).append('"');
    }
    if (!attributes.isEmpty()) {
      out.append(' ').append(attributes);
    }
    out.append('>');
    return this;
  }

  /** A link with escaped address and text. */
  Html link(String href, String text) {
    out.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
    return this;
  }

  /** A form posting to {@code action} with the session's token; close it with {@link #end}. */
  Html form(String action, String csrf) {
    out.append("<form method=\"post\" action=\"")
        .append(escape(action))
        .append("\" autocomplete=\"off\">");
    return hidden(Csrf.FIELD, csrf);
  }

  /** A submit button and the end of the form. */
  Html end(String button) {
    out.append("<button type=\"submit\">").append(escape(button)).append("</button></form>");
    return this;
  }

  /** A whole page around {@code body}: title, navigation, the style sheet, a footer, no script. */
  static String page(String title, Html body, String footer) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " - idsettle</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body>"
        + "<header><a class=\"brand\" href=\"/\">idsettle</a><nav>"
        + "<a href=\"/\">Buy an ID</a><a href=\"/access\">Access numbers</a>"
        + "<a href=\"/shop\">Shop</a><a href=\"/checkin\">Ticket check-in</a></nav></header>"
        + "<main><h1>"
        + escape(title)
        + "</h1>"
        + body.out
        + "</main><footer>"
        + escape(footer)
        + "</footer>"
        + "</body></html>\n";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
