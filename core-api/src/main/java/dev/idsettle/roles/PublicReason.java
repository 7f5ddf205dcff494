package dev.idsettle.roles;

/**
 * A denial as an untrusted terminal or user may see it. It never tells an unknown ID from one that
 * exists but was not sold: a balance check that says "no such code" is a guessing oracle.
 */
public enum PublicReason {
  /** "This ID number cannot be used": unknown, not activated, blocked or closed alike. */
  NOT_USABLE("This ID number cannot be used."),
  /** The balance is too low. */
  INSUFFICIENT_BALANCE("The balance is too low for this service."),
  /** The ID has expired. */
  EXPIRED("This ID number has expired."),
  /** Too many attempts. */
  TRY_LATER("Too many attempts; try again later."),
  /** The request itself was not acceptable. */
  REJECTED("The request was rejected.");

  private final String message;

  PublicReason(String message) {
    this.message = message;
  }

  /** A message fit for a user. */
  public String message() {
    return message;
  }
}
