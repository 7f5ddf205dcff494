package dev.idsettle.http;

import dev.idsettle.InvalidRequestException;

/**
 * The manager refused the request before any role saw it: not authenticated (401), not allowed for
 * this party (403), no such operation (404), too large (413). Nothing was changed; the request will
 * not succeed if repeated as it is: check the party's configuration (name, key, clock).
 */
public final class RefusedRequestException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /** A refusal with the problem's status and what it said. */
  public RefusedRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the problem. */
  public int status() {
    return status;
  }
}
