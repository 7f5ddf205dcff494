package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.card.CardOperationException;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.Payee;
import dev.idsettle.card.PayeeTag;
import dev.idsettle.card.ReceiptRejectedException;
import dev.idsettle.card.VerifiedReceipt;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One run of {@link CardJournal#settle}: verifies, groups by card, books in counter order. */
final class ReceiptSettlement {

  private final JournalLedger ledger;
  private final CardIssuer issuer;
  private final Payee payee;
  private final PayeeTag tag;
  private final Map<CardId, Builder> cards = new LinkedHashMap<>();

  ReceiptSettlement(JournalLedger ledger, CardIssuer issuer, Payee payee) {
    this.ledger = ledger;
    this.issuer = issuer;
    this.payee = payee;
    this.tag = payee.tag();
  }

  SettlementReport settle(Collection<CardReceipt> receipts) {
    Map<CardId, List<CardReceipt>> verified = new LinkedHashMap<>();
    for (CardReceipt receipt : receipts) {
      Builder card = card(receipt.cardId());
      VerifiedReceipt v;
      try {
        v = issuer.verify(receipt);
      } catch (ReceiptRejectedException e) {
        card.rejected.add(new Rejection(receipt, "the MAC does not verify: forged or altered"));
        continue;
      } catch (CardOperationException e) {
        card.rejected.add(new Rejection(receipt, "cannot verify: " + e.getMessage()));
        continue;
      }
      if (receipt.kind() == CardReceipt.Kind.DEBIT && !receipt.payee().equals(tag)) {
        card.rejected.add(
            new Rejection(
                receipt,
                "the card bound this debit to another service or terminal, not the caller"));
        continue;
      }
      verified.computeIfAbsent(receipt.cardId(), id -> new ArrayList<>()).add(v.receipt());
    }
    verified.forEach(this::settleCard);
    Map<CardId, CardSettlement> report = new LinkedHashMap<>();
    cards.forEach((id, b) -> report.put(id, b.build(id)));
    return new SettlementReport(report);
  }

  private Builder card(CardId id) {
    return cards.computeIfAbsent(id, unused -> new Builder());
  }

  private void settleCard(CardId cardId, List<CardReceipt> receipts) {
    Builder card = card(cardId);
    Optional<Account> shadow = ledger.shadow(cardId);
    if (shadow.isEmpty()) {
      receipts.forEach(r -> card.rejected.add(new Rejection(r, "the card is not registered")));
      return;
    }
    List<CardReceipt> sorted = new ArrayList<>(receipts);
    sorted.sort(Comparator.comparingLong(CardReceipt::counter));
    Set<Long> seen = new HashSet<>();
    for (CardReceipt r : sorted) {
      if (r.kind() == CardReceipt.Kind.CREDIT && seen.add(r.counter())) {
        settleCredit(card, r);
      }
    }
    AccountId revenue =
        ledger.operator(
            ledger
                .operatorAccounts(shadow.get().currency())
                .revenue(payee.service(), payee.terminal()),
            shadow.get().currency());
    long available = ledger.requireShadow(cardId).available();
    for (CardReceipt r : sorted) {
      if (r.kind() == CardReceipt.Kind.CREDIT) {
        continue;
      }
      if (seen.add(r.counter())) {
        available -= settleDebit(card, r, shadow.get().id(), revenue, available);
      } else {
        card.duplicates.add(r.counter());
      }
    }
    long highest = sorted.get(sorted.size() - 1).counter();
    for (long counter = 1; counter < highest; counter++) {
      if (!seen.contains(counter) && !ledger.booked(cardId, counter)) {
        card.missing.add(counter);
      }
    }
  }

  private void settleCredit(Builder card, CardReceipt r) {
    List<Transfer> holds = ledger.creditHolds(r.cardId(), r.counter());
    Optional<Transfer> hold =
        holds.stream().filter(h -> JournalLedger.isHoldFor(h, r.nonce(), r.amount())).findFirst();
    if (hold.isEmpty()) {
      card.rejected.add(new Rejection(r, "no credit intent in the ledger matches this credit"));
      return;
    }
    if (ledger.confirmed(hold.get())) {
      card.duplicates.add(r.counter());
    } else {
      ledger.confirm(hold.get());
      card.settled.add(r.counter());
    }
    releaseOpen(holds);
  }

  /** Returns the amount booked, 0 if none. */
  private long settleDebit(
      Builder card, CardReceipt r, AccountId shadow, AccountId revenue, long available) {
    Optional<Transfer> booked =
        ledger.ledger().transfer(ledger.ids().debit(r.cardId(), r.counter()));
    if (booked.isPresent()) {
      if (booked.get().applied() && booked.get().amount() == r.amount()) {
        card.duplicates.add(r.counter());
      } else {
        card.rejected.add(new Rejection(r, "counter " + r.counter() + " was booked otherwise"));
      }
      return 0;
    }
    // the card used this counter for a debit, so no credit intent for it can ever land
    releaseOpen(ledger.creditHolds(r.cardId(), r.counter()));
    if (available < r.amount()) {
      card.unfunded.add(r.counter());
      return 0;
    }
    CommandResult result =
        ledger.submit(
            LedgerCommand.post(
                ledger.ids().debit(r.cardId(), r.counter()),
                shadow,
                revenue,
                r.amount(),
                "card-debit"));
    Refusal refusal = result.refusal();
    if (refusal != null) {
      card.rejected.add(new Rejection(r, "the ledger refused with " + refusal));
      return 0;
    }
    if (result.replayed()) {
      card.duplicates.add(r.counter());
      return 0;
    }
    card.settled.add(r.counter());
    return r.amount();
  }

  private void releaseOpen(List<Transfer> holds) {
    holds.stream().filter(JournalLedger::isOpen).forEach(ledger::release);
  }

  private static final class Builder {
    final List<Long> settled = new ArrayList<>();
    final List<Long> duplicates = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    final List<Long> unfunded = new ArrayList<>();
    final List<Long> missing = new ArrayList<>();

    CardSettlement build(CardId id) {
      duplicates.sort(null);
      return new CardSettlement(id, settled, duplicates, rejected, unfunded, missing);
    }
  }
}
