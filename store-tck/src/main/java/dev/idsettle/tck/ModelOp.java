package dev.idsettle.tck;

/**
 * One step of a {@link LedgerModelProperties} sequence.
 *
 * @param kind what to do
 * @param id which of the sequence's IDs
 * @param amount minor units (for {@link Kind#ADVANCE}: a number of 20-minute steps)
 * @param pick which hold a capture or void resolves; for a reversal, odd means "the activated
 *     amount" and even means {@code amount}
 */
public record ModelOp(ModelOp.Kind kind, int id, long amount, int pick) {

  /** The operations a sequence is made of. */
  public enum Kind {
    /** Activation (linked state change and credit). */
    ACTIVATE,
    /** A debit to revenue. */
    DEBIT,
    /** A credit from cash. */
    TOP_UP,
    /** A hold for revenue. */
    HOLD,
    /** A capture of one of the holds so far. */
    CAPTURE,
    /** A void of one of the holds so far. */
    VOID,
    /** A reversal of the activation (linked debit to cash and state change to issued). */
    REVERSE,
    /** Blocks the ID. */
    BLOCK,
    /** Moves the clock. */
    ADVANCE
  }
}
