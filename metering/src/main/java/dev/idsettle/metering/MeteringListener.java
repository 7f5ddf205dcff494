package dev.idsettle.metering;

/** Hears about sessions; called on the requesting thread, after the ledger answered. */
public interface MeteringListener {
  /**
   * The units the balance still pays for reached the service's warning threshold (the patent's
   * alarm). Fired once per crossing: again only after a top-up lifted it above the threshold.
   */
  default void onWarning(String sessionId, long unitsLeft) {}

  /** A session ended (a refused one too); its record has been written. */
  default void onEnded(SessionAnswer.Ended ended) {}
}
