package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.ledger.TransferId;
import java.util.List;

/**
 * What {@link CardJournal#recover} found and did.
 *
 * @param cardId the card
 * @param counter the card's counter when read
 * @param confirmed credit holds the card had applied, now captured
 * @param released credit holds the card never applied, now voided
 */
public record Recovery(
    CardId cardId, long counter, List<TransferId> confirmed, List<TransferId> released) {

  /** Copies the lists. */
  public Recovery {
    confirmed = List.copyOf(confirmed);
    released = List.copyOf(released);
  }

  /** Returns whether there was nothing to recover. */
  public boolean nothingToDo() {
    return confirmed.isEmpty() && released.isEmpty();
  }
}
