package dev.idsettle.ledger;

/** What an account stands for, which decides the rules applied to it. */
public enum AccountKind {
  /**
   * The value of one prepaid ID number (or, later, of one of its per-service envelopes or a smart
   * card's shadow): available balance never below zero, spendable only while active.
   */
  ID,
  /**
   * An operator's account: cash taken at a terminal, revenue of a service. Its balance may go below
   * zero (cash is the source of every ID's value), it has no lifecycle.
   */
  OPERATOR
}
