package dev.idsettle.http;

import java.io.IOException;

/**
 * A request certainly did not leave (the connection could not be made): nothing can have changed.
 */
public final class RequestNotSentException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Says why. */
  public RequestNotSentException(String message, Throwable cause) {
    super(message, cause);
  }
}
