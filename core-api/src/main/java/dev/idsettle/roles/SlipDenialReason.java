package dev.idsettle.roles;

/** Why slips were not activated. */
public enum SlipDenialReason {
  /** The amount paid is not the sum of the slips' face values (or not in their currency). */
  PAID_NOT_FACE_VALUE,
  /** The printed data read (serial, face value) does not belong to the ID presented. */
  PRINTED_DATA_MISMATCH,
  /** The slip's batch has not been distributed yet. */
  NOT_DISTRIBUTED,
  /** A slip is locked (its serial range was locked). */
  LOCKED,
  /** A slip is void. */
  VOID,
  /** A slip was activated before, under another reference. */
  ALREADY_ACTIVE,
  /** The reference was used before for other slips. */
  DUPLICATE_REFERENCE,
  /** The ledger refused for another reason (expired, for instance): see the message. */
  REFUSED
}
