package dev.idsettle.metering;

import dev.idsettle.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a metered service grants usage.
 *
 * @param name the service (1 to 50 characters): its revenue accounts and transfer ids derive from
 *     it
 * @param sliceUnits the most units one grant covers (e.g. 60 seconds): one session never reserves
 *     the whole balance, so several sessions of one ID share it
 * @param validity how long a grant is valid: the client must report before it passes. The grant's
 *     hold lives twice as long (RFC 4006's supervision timer), then the ledger releases it
 * @param warnAtUnits warn once the units the balance still pays for reach this (0: never)
 * @param failure what to do when the ledger cannot be reached
 */
public record MeteredService(
    String name, long sliceUnits, Duration validity, long warnAtUnits, FailureHandling failure) {
  /** Validates the fields, naming the one at fault. */
  public MeteredService {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(failure, "failure");
    if (name.isEmpty() || name.length() > 50) {
      throw new InvalidRequestException("name must have 1 to 50 characters");
    }
    if (sliceUnits <= 0) {
      throw new InvalidRequestException("sliceUnits must be positive, was " + sliceUnits);
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new InvalidRequestException("validity must be positive, was " + validity);
    }
    if (warnAtUnits < 0) {
      throw new InvalidRequestException("warnAtUnits must not be negative, was " + warnAtUnits);
    }
  }

  /** The life of a grant's hold: twice the validity. */
  public Duration holdTimeout() {
    return validity.multipliedBy(2);
  }
}
