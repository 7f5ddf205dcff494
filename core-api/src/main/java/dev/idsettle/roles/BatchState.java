package dev.idsettle.roles;

/** Where a batch of slips is in its life, in order: each step follows the one before. */
public enum BatchState {
  /** Issued: the slips' IDs exist, inactive. */
  CREATED,
  /** Printed on sheets. */
  PRINTED,
  /** Handed to the points of sale: only now can its slips be activated. */
  DISTRIBUTED
}
