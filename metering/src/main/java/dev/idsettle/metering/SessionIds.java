package dev.idsettle.metering;

import dev.idsettle.ledger.TransferId;

/**
 * The ledger transfer ids of a session, derived from the service and the session id: a record can
 * always be matched to its money, and a request submitted again after a lost answer replays.
 */
public final class SessionIds {
  private SessionIds() {}

  /** The hold of grant {@code grant} (1-based), try {@code attempt} (0-based). */
  public static TransferId hold(String service, String sessionId, long grant, int attempt) {
    return TransferId.derive(
        "idsettle:metering:hold",
        service,
        sessionId,
        Long.toString(grant),
        Integer.toString(attempt));
  }

  /** The capture of grant {@code grant}'s hold. */
  public static TransferId capture(String service, String sessionId, long grant) {
    return TransferId.derive("idsettle:metering:capture", service, sessionId, Long.toString(grant));
  }

  /** The void of grant {@code grant}'s hold (when none of it was used). */
  public static TransferId release(String service, String sessionId, long grant) {
    return TransferId.derive("idsettle:metering:void", service, sessionId, Long.toString(grant));
  }

  /** The post of usage beyond grant {@code grant}'s hold (failure handling CONTINUE). */
  public static TransferId excess(String service, String sessionId, long grant) {
    return TransferId.derive("idsettle:metering:excess", service, sessionId, Long.toString(grant));
  }

  /**
   * The transfer that carries the session's final record: its last capture or void when the client
   * ended it, else a record of its own that moves nothing.
   */
  public static TransferId record(String service, String sessionId) {
    return TransferId.derive("idsettle:metering:record", service, sessionId);
  }

  /**
   * The final record of a session whose last capture, under {@link #record}'s id, was refused (its
   * hold had timed out): written after it, moving nothing.
   */
  public static TransferId lateRecord(String service, String sessionId) {
    return TransferId.derive("idsettle:metering:record-late", service, sessionId);
  }

  /**
   * The hold of a record that moves nothing (voided in the same group, which carries the record).
   */
  static TransferId recordHold(TransferId record) {
    return TransferId.derive("idsettle:metering:record-hold", record.toString());
  }
}
