package dev.idsettle.card.journal;

import dev.idsettle.ledger.Refusal;

/** The ledger refused a step of the journal that must not be refused; nothing was changed by it. */
public final class JournalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Refusal refusal;

  JournalException(String message, Refusal refusal) {
    super(message + ": the ledger refused with " + refusal);
    this.refusal = refusal;
  }

  /** Returns the ledger's reason. */
  public Refusal refusal() {
    return refusal;
  }
}
