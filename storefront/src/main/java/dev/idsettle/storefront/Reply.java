package dev.idsettle.storefront;

import java.nio.charset.StandardCharsets;

/**
 * A page to send: status, body and type. Every HTML page is sent {@code Cache-Control: no-store}
 * (each carries a form token, some an ID number or a ticket code); the style sheet may be cached.
 */
final class Reply {
  static final String HTML = "text/html; charset=utf-8";
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final boolean cacheable;

  Reply(int status, String contentType, byte[] body, boolean cacheable) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.cacheable = cacheable;
  }

  static Reply page(int status, String html) {
    return new Reply(status, HTML, html.getBytes(StandardCharsets.UTF_8), false);
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  /** Whether a browser may keep it (only the style sheet). */
  boolean cacheable() {
    return cacheable;
  }
}
