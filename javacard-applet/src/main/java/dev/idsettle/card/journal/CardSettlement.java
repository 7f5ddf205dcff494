package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import java.util.List;

/**
 * What a settlement did with one card's receipts; counters in ascending order.
 *
 * @param cardId the card the receipts claim to come from
 * @param settled counters whose receipts this settlement booked
 * @param duplicates counters whose receipts were booked before (or twice in this settlement): no
 *     change
 * @param rejected receipts refused: forged, altered, of an unregistered card, or without a credit
 *     intent
 * @param unfunded debit counters left for later because the shadow account does not yet hold their
 *     value: a credit of the card is not confirmed yet ({@link CardJournal#recover}, or settle its
 *     credit receipt), after which they can be settled again
 * @param missing counters below the highest one seen that have no booked debit or credit: a receipt
 *     not received yet
 */
public record CardSettlement(
    CardId cardId,
    List<Long> settled,
    List<Long> duplicates,
    List<Rejection> rejected,
    List<Long> unfunded,
    List<Long> missing) {

  /** Copies the lists. */
  public CardSettlement {
    settled = List.copyOf(settled);
    duplicates = List.copyOf(duplicates);
    rejected = List.copyOf(rejected);
    unfunded = List.copyOf(unfunded);
    missing = List.copyOf(missing);
  }

  /** A settlement of nothing for {@code cardId}. */
  static CardSettlement empty(CardId cardId) {
    return new CardSettlement(cardId, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
