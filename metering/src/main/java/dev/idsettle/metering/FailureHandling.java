package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import java.util.Objects;

/**
 * What a session does when the ledger cannot be reached (RFC 4006's Credit-Control-Failure-
 * Handling). Whatever the mode, what was not yet settled is submitted again, with the same transfer
 * ids, until it is (so it is never charged twice) or its hold has timed out.
 *
 * @param mode the mode
 * @param continueBound for {@link Mode#CONTINUE}: the most, in minor units, a session may use
 *     beyond its reservations while the ledger is away (the operator's risk)
 * @param retries for {@link Mode#RETRY_THEN_TERMINATE}: how many more times to try at once
 */
public record FailureHandling(Mode mode, long continueBound, int retries) {
  /** Validates the fields. */
  public FailureHandling {
    Objects.requireNonNull(mode, "mode");
    if (continueBound < 0 || retries < 0) {
      throw new InvalidRequestException("continueBound and retries must not be negative");
    }
  }

  /** End the session at once. */
  public static FailureHandling terminate() {
    return new FailureHandling(Mode.TERMINATE, 0, 0);
  }

  /** Let the session go on, using at most {@code bound} minor units beyond what was reserved. */
  public static FailureHandling continueUpTo(long bound) {
    return new FailureHandling(Mode.CONTINUE, bound, 0);
  }

  /** Try {@code retries} more times, then end the session. */
  public static FailureHandling retryThenTerminate(int retries) {
    return new FailureHandling(Mode.RETRY_THEN_TERMINATE, 0, retries);
  }

  /** The modes. */
  public enum Mode {
    /** End the session. */
    TERMINATE,
    /** Go on, for a bounded amount. */
    CONTINUE,
    /** Retry, then end the session. */
    RETRY_THEN_TERMINATE
  }
}
