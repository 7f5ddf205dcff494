package dev.idsettle.metering.calls;

import dev.idsettle.metering.Outcome;

/**
 * The switch a prepaid call runs through (a softswitch, a PBX, a test double): the call engine
 * tells it to connect, to play the warning and to cut. Called on the thread of the request that
 * caused it; an implementation must not block for long.
 */
public interface LineControl {
  /** Connects {@code callId} to {@code destination}: the balance pays for its first grant. */
  void connect(String callId, String destination);

  /** Plays the low-balance warning: {@code secondsLeft} seconds are left (the patent's alarm). */
  void warn(String callId, long secondsLeft);

  /**
   * Ends {@code callId} (or refuses it, if it was never connected) for {@code outcome}: the balance
   * is used up, the ID became unusable, the client fell silent, the ledger could not be reached.
   */
  void disconnect(String callId, Outcome outcome);
}
