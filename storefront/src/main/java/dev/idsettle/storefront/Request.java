package dev.idsettle.storefront;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a page handler sees of a request: method, path, query, form fields, headers, cookies. */
final class Request {
  static final int MAX_BODY = 16 * 1024;
  static final int MAX_FIELDS = 32;

  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> form;
  private final Map<String, List<String>> headers;
  private final String session;
  private final boolean newSession;

  private Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> form,
      Map<String, List<String>> headers,
      String session,
      boolean newSession) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.form = form;
    this.headers = headers;
    this.session = session;
    this.newSession = newSession;
  }

  /** Thrown for a request this server will not read; carries the status to answer. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String why;

    Refused(int status, String why) {
      super(why, null, false, false);
      this.status = status;
      this.why = why;
    }
  }

  static Request read(HttpExchange ex, Csrf csrf) throws IOException, Refused {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    Map<String, String> query = fields(ex.getRequestURI().getRawQuery());
    Map<String, String> form = Map.of();
    if (method.equals("POST")) {
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type == null
          || !type.toLowerCase(java.util.Locale.ROOT)
              .startsWith("application/x-www-form-urlencoded")) {
        throw new Refused(415, "a form must be sent as application/x-www-form-urlencoded");
      }
      form = fields(new String(body(ex.getRequestBody()), StandardCharsets.UTF_8));
    } else if (!method.equals("GET")) {
      throw new Refused(405, "only GET and POST");
    }
    Request bare = new Request(method, path, query, form, ex.getRequestHeaders(), "", false);
    String session = csrf.session(bare);
    if (session == null) {
      return new Request(
          method, path, query, form, ex.getRequestHeaders(), Csrf.newSession(), true);
    }
    return new Request(method, path, query, form, ex.getRequestHeaders(), session, false);
  }

  private static byte[] body(InputStream in) throws IOException, Refused {
    byte[] b = in.readNBytes(MAX_BODY + 1);
    if (b.length > MAX_BODY) {
      throw new Refused(413, "the form is larger than " + MAX_BODY + " bytes");
    }
    return b;
  }

  /** Decodes {@code a=1&b=2}; a repeated or malformed field refuses the request. */
  static Map<String, String> fields(@Nullable String raw) throws Refused {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    String[] pairs = raw.split("&", MAX_FIELDS + 2);
    if (pairs.length > MAX_FIELDS) {
      throw new Refused(400, "too many fields");
    }
    for (String pair : pairs) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (out.putIfAbsent(name, value) != null) {
          throw new Refused(400, "a field is repeated");
        }
      } catch (IllegalArgumentException e) {
        throw new Refused(400, "a field is not URL-encoded");
      }
    }
    return out;
  }

  String method() {
    return method;
  }

  boolean post() {
    return method.equals("POST");
  }

  String path() {
    return path;
  }

  /** A query parameter, or null. */
  @Nullable String query(String name) {
    return query.get(name);
  }

  /** The form fields of a POST (empty for a GET). */
  Map<String, String> form() {
    return form;
  }

  /** A form field, stripped; empty if missing. */
  String field(String name) {
    String v = form.get(name);
    return v == null ? "" : v.strip();
  }

  /** The first value of a header, or null. */
  @Nullable String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The value of cookie {@code name}, or null. */
  @Nullable String cookie(String name) {
    List<String> all = headers.get("Cookie");
    if (all == null) {
      return null;
    }
    for (String line : all) {
      for (String part : line.split(";", -1)) {
        String p = part.strip();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  /** The session: the cookie's, or a new one that the reply will set. */
  String session() {
    return session;
  }

  /** Whether the session is new (the reply sets its cookie). */
  boolean newSession() {
    return newSession;
  }
}
