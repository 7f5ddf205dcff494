package dev.idsettle.id;

import dev.idsettle.InvalidRequestException;

/**
 * An ID number could not be parsed. The message says what was wrong (which character, the length,
 * or the check digit) and never contains the number itself, so it is safe to log.
 */
public final class MalformedIdException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the input. */
  public enum Problem {
    /** Nothing but separators, or nothing at all. */
    EMPTY,
    /** A character that is neither a digit nor an allowed separator. */
    INVALID_CHARACTER,
    /** Too few or too many digits. */
    WRONG_LENGTH,
    /** The digits do not agree with the check digit: one was mistyped or two were swapped. */
    CHECK_DIGIT_MISMATCH
  }

  private final Problem problem;
  private final int position;

  MalformedIdException(Problem problem, int position, String message) {
    super(message);
    this.problem = problem;
    this.position = position;
  }

  /** What was wrong. */
  public Problem problem() {
    return problem;
  }

  /**
   * The 1-based position in the input of the offending character for {@link
   * Problem#INVALID_CHARACTER}; 0 otherwise.
   */
  public int position() {
    return position;
  }
}
