package dev.idsettle.http;

import dev.idsettle.http.message.Messages;

/**
 * An RFC 9457 problem, the body of every error reply ({@code application/problem+json}). The detail
 * is safe to show and to log: never an ID number, and for an authentication failure never which
 * part of the signature was wrong.
 *
 * @param type a URI naming the kind of problem
 * @param title the kind in words
 * @param status the HTTP status
 * @param detail this occurrence in words
 */
public record Problem(String type, String title, int status, String detail) {
  /** The media type of a problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** 400: the message could not be read, or the role refused it as invalid. */
  public static Problem malformed(String detail) {
    return new Problem("urn:idsettle:problem:malformed", "Malformed request", 400, detail);
  }

  /** 401: the one answer to every authentication failure. */
  public static Problem unauthenticated() {
    return new Problem(
        "urn:idsettle:problem:unauthenticated",
        "Not authenticated",
        401,
        "the request could not be authenticated as a registered party");
  }

  /** 403: the party may not ask this. */
  public static Problem forbidden(String detail) {
    return new Problem("urn:idsettle:problem:forbidden", "Forbidden", 403, detail);
  }

  /** 404: no operation at this path. */
  public static Problem notFound() {
    return new Problem(
        "urn:idsettle:problem:not-found", "Not found", 404, "there is no operation at this path");
  }

  /** 405: only POST. */
  public static Problem methodNotAllowed() {
    return new Problem(
        "urn:idsettle:problem:method-not-allowed",
        "Method not allowed",
        405,
        "operations are posted (POST)");
  }

  /** 413: the body is over the limit. */
  public static Problem tooLarge(int limit) {
    return new Problem(
        "urn:idsettle:problem:too-large",
        "Request too large",
        413,
        "the body must not exceed " + limit + " bytes");
  }

  /** 500: the server failed; the request may have been applied (retry with its reference). */
  public static Problem internal() {
    return new Problem(
        "urn:idsettle:problem:internal",
        "Internal error",
        500,
        "the server failed; the request may have been applied: retry with the same reference");
  }

  /** 503: the server is stopping; the request was not applied. */
  public static Problem unavailable() {
    return new Problem(
        "urn:idsettle:problem:unavailable",
        "Unavailable",
        503,
        "the server is stopping; nothing was done: retry");
  }

  /** This problem as a reply. */
  public Reply reply() {
    return new Reply(status, Messages.write(this));
  }
}
