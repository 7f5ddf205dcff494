package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;

/**
 * A {@link Description}'s body was longer than {@value Description#MAX_BODY_BYTES} bytes of UTF-8:
 * nothing was built or changed. Store the long part elsewhere (under the transfer's id) and
 * describe the transfer with a reference to it.
 */
public final class DescriptionTooLongException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** The size the body had. */
  private final int bytes;

  DescriptionTooLongException(int bytes) {
    super(
        "body must be at most "
            + Description.MAX_BODY_BYTES
            + " bytes in UTF-8, was "
            + bytes
            + " bytes");
    this.bytes = bytes;
  }

  /** How many bytes of UTF-8 the refused body had. */
  public int bytes() {
    return bytes;
  }
}
