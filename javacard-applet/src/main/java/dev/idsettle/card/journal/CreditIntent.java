package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.card.Challenge;
import dev.idsettle.ledger.TransferId;

/**
 * A credit recorded in the ledger as a hold (cash to the card's shadow) and not yet confirmed: the
 * card may or may not have the value. {@link CardJournal#recover} resolves it from the card.
 *
 * @param cardId the card
 * @param challenge the card's challenge the credit is authorised for
 * @param amount minor units
 * @param hold the ledger hold
 */
public record CreditIntent(CardId cardId, Challenge challenge, long amount, TransferId hold) {

  /** Returns the counter the card will have once it has applied this credit. */
  public long counter() {
    return challenge.counter() + 1;
  }
}
