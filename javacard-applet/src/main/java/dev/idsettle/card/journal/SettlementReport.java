package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import java.util.List;
import java.util.Map;

/**
 * What {@link CardJournal#settle} did, card by card.
 *
 * @param cards per card ID the receipts claimed
 */
public record SettlementReport(Map<CardId, CardSettlement> cards) {

  /** Copies the map. */
  public SettlementReport {
    cards = Map.copyOf(cards);
  }

  /** Returns the settlement of {@code cardId}; an empty one if no receipt named it. */
  public CardSettlement card(CardId cardId) {
    CardSettlement settlement = cards.get(cardId);
    return settlement == null ? CardSettlement.empty(cardId) : settlement;
  }

  /** Returns every rejection, of every card. */
  public List<Rejection> rejected() {
    return cards.values().stream().flatMap(c -> c.rejected().stream()).toList();
  }
}
