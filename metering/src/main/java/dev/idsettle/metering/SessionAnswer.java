package dev.idsettle.metering;

import java.time.Instant;

/** The engine's answer to an open, update or terminate request. */
public sealed interface SessionAnswer {
  /** The session. */
  String sessionId();

  /**
   * Go on until {@code grantEnd} units in all, and report before {@code validUntil}.
   *
   * @param sessionId the session
   * @param used the units confirmed so far
   * @param grantEnd the units the session may reach with this grant (RFC 4006 granted units,
   *     counted from the start of the session)
   * @param validUntil report before this
   * @param finalGrant the balance pays for nothing after this grant: end the session at {@code
   *     grantEnd} (RFC 4006 final-unit indication)
   * @param unitsLeft the units the balance pays for from {@code used} on, counted up to the warning
   *     threshold plus one slice at most
   * @param charged what the confirmed units cost so far, in minor units
   */
  record Granted(
      String sessionId,
      long used,
      long grantEnd,
      Instant validUntil,
      boolean finalGrant,
      long unitsLeft,
      long charged)
      implements SessionAnswer {}

  /**
   * The session is over (or never started: a refused outcome).
   *
   * @param sessionId the session
   * @param outcome how it ended
   * @param units the units charged for
   * @param charged their charge, in minor units
   * @param settled whether the charge is in the ledger already (if not, the engine keeps submitting
   *     it, with the same transfer ids, until its hold times out)
   * @param message in words, safe to log (no ID number)
   */
  record Ended(
      String sessionId, Outcome outcome, long units, long charged, boolean settled, String message)
      implements SessionAnswer {}
}
