package dev.idsettle.http.message;

/** Where a transfer between the manager and an authenticator stands at the manager. */
public enum TransferPhase {
  /** No reserve (or repay) with this id has arrived: nothing was done. */
  ABSENT,
  /** The manager's hold is open: reserved, neither confirmed nor given up yet. */
  PENDING,
  /** The value moved (the hold was captured, or the repay posted). Final. */
  DONE,
  /** No value moved and none ever will under this id (refused, voided, expired, barred). Final. */
  UNDONE
}
