package dev.idsettle.http.message;

import dev.idsettle.InvalidRequestException;

/**
 * A message could not be read: not JSON, a required field missing, a field of the wrong type or out
 * of range, or a version this side does not speak. The message names the field and never repeats an
 * ID number. Over HTTP it is a 400 problem; nothing was changed.
 */
public final class MalformedMessageException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** A message that says what was wrong. */
  public MalformedMessageException(String message) {
    super(message);
  }
}
