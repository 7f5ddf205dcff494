package dev.idsettle.http.internal;

import dev.idsettle.IdSettleException;

/**
 * A request could not be authenticated. Its message is for the server's own debug log only; the
 * caller is told nothing but 401, never which part was wrong.
 */
public final class AuthenticationException extends IdSettleException {
  private static final long serialVersionUID = 1L;

  /** Says what was wrong, for the server's log. */
  public AuthenticationException(String message) {
    super(message);
  }
}
