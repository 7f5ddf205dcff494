package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.TransferId;

/**
 * The ledger identities of a card's journal, all derived from the card's keyed ledger handle
 * ({@link CardIssuer#ledgerHandle}) and its transaction counter, so that every process with the
 * issuer's ledger key finds the same account and the same transfer without a look-up, a retry is a
 * replay, and a database without the key reveals no card ID.
 */
public final class CardLedgerIds {

  private static final String HOLD = "idsettle:card-credit-hold";
  private static final String CAPTURE = "idsettle:card-credit-capture";
  private static final String VOID = "idsettle:card-credit-void";
  private static final String LATE = "idsettle:card-credit-late";
  private static final String DEBIT = "idsettle:card-debit";

  private final CardIssuer issuer;

  private CardLedgerIds(CardIssuer issuer) {
    this.issuer = issuer;
  }

  /** The identities under {@code issuer}'s ledger key. */
  public static CardLedgerIds under(CardIssuer issuer) {
    return new CardLedgerIds(issuer);
  }

  /** The card's shadow account: an ID account named {@code card:<keyed handle>}. */
  public AccountId shadow(CardId card) {
    return AccountId.named("card:" + issuer.ledgerHandle(card));
  }

  /**
   * The hold that records the intent to credit {@code card}: the credit that will make its counter
   * {@code counter}, the {@code attempt}-th try at that counter (0 first; a released try leaves its
   * slot used).
   */
  public TransferId creditHold(CardId card, long counter, int attempt) {
    return TransferId.derive(
        HOLD, issuer.ledgerHandle(card), Long.toString(counter), Integer.toString(attempt));
  }

  /** The capture that confirms credit hold {@code hold} once the card has the value. */
  public static TransferId creditCapture(TransferId hold) {
    return TransferId.derive(CAPTURE, hold.toString());
  }

  /** The void that releases credit hold {@code hold} when the card did not get the value. */
  public static TransferId creditVoid(TransferId hold) {
    return TransferId.derive(VOID, hold.toString());
  }

  /**
   * The post that books a credit the card got after its hold had timed out: value cannot be on the
   * card without being in the ledger.
   */
  public static TransferId lateCredit(TransferId hold) {
    return TransferId.derive(LATE, hold.toString());
  }

  /** The settlement of the debit receipt that made {@code card}'s counter {@code counter}. */
  public TransferId debit(CardId card, long counter) {
    return TransferId.derive(DEBIT, issuer.ledgerHandle(card), Long.toString(counter));
  }
}
