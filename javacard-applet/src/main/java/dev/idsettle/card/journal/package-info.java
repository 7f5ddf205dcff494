/**
 * Journaling of smart cards into the core ledger: each card has a shadow account whose balance
 * mirrors the card's value (the operator's liability), credits at a settlement terminal go through
 * the ledger and the card with crash recovery, and the receipts of debits are settled idempotently
 * with the card's transaction counter as the key.
 *
 * <p>Start with {@link dev.idsettle.card.journal.CardJournal}.
 */
@NullMarked
package dev.idsettle.card.journal;

import org.jspecify.annotations.NullMarked;
