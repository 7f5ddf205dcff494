package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.CardRefusedException;
import dev.idsettle.card.Challenge;
import dev.idsettle.card.IssuerKeys;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.VerifiedReceipt;
import dev.idsettle.internal.Keys;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the ledger and the cards agreeing. Each card has a shadow account (an ID account: never
 * overdrawn; the operator's liability for the card's value).
 *
 * <p>A credit at a settlement terminal runs in three steps, each safe to crash after:
 *
 * <ol>
 *   <li>{@link #intend}: INITIALIZE on the card, then a ledger <em>hold</em> from the terminal's
 *       cash to the shadow, keyed by card and the counter the credit will produce: the durable
 *       intent.
 *   <li>{@link #load}: the issuer-authorised CREDIT on the card.
 *   <li>{@link #confirm}: the hold is captured; the shadow now has the value.
 * </ol>
 *
 * After a crash, {@link #recover} reads the card's counter and last receipt: a hold for the counter
 * after the card's is released (the card never got it), a hold for the card's own counter is
 * captured if the card's last receipt is that credit and released otherwise. Receipts of debits are
 * booked by {@link #settle}, keyed by card and counter. Thread-safe; one card is driven by one
 * caller at a time.
 */
public final class CardJournal {

  /** How long a credit intent lives before the ledger releases it on its own. */
  public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofDays(7);

  private final JournalLedger ledger;
  private final IssuerKeys issuer;
  private final Duration holdTimeout;

  private CardJournal(Ledger ledger, IssuerKeys issuer, Duration holdTimeout) {
    this.ledger = new JournalLedger(Objects.requireNonNull(ledger, "ledger"));
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.holdTimeout = Objects.requireNonNull(holdTimeout, "holdTimeout");
  }

  /** A journal over {@code ledger}, verifying receipts with {@code issuer}. */
  public static CardJournal create(Ledger ledger, IssuerKeys issuer) {
    return create(ledger, issuer, DEFAULT_HOLD_TIMEOUT);
  }

  /**
   * A journal whose credit intents time out after {@code holdTimeout}; a credit the card gets later
   * is still booked, as a separate post.
   */
  public static CardJournal create(Ledger ledger, IssuerKeys issuer, Duration holdTimeout) {
    if (holdTimeout.isNegative() || holdTimeout.isZero()) {
      throw new IllegalArgumentException("holdTimeout must be positive, was " + holdTimeout);
    }
    return new CardJournal(ledger, issuer, holdTimeout);
  }

  /** Returns the id of {@code cardId}'s shadow account; the same in every process. */
  public static AccountId shadowAccount(CardId cardId) {
    return CardLedgerIds.shadow(cardId);
  }

  /**
   * Creates the card's shadow account, active with balance zero, when the card is personalised.
   * Idempotent.
   *
   * @throws IllegalStateException if the account exists already in another currency
   */
  public Account register(CardId cardId, Currency currency) {
    AccountId id = shadowAccount(cardId);
    ledger
        .ledger()
        .createAccounts(
            List.of(
                new Account(
                    id,
                    AccountKind.ID,
                    currency,
                    AccountState.ACTIVE,
                    0,
                    0,
                    ExpiryPolicy.never(),
                    null,
                    null)));
    Account account = ledger.requireShadow(cardId);
    if (!account.currency().equals(currency)) {
      throw new IllegalStateException(
          "card " + cardId + " is registered in " + account.currency() + ", not " + currency);
    }
    return account;
  }

  /** Returns the card's shadow balance in minor units: what the ledger says the card holds. */
  public long shadowBalance(CardId cardId) {
    return ledger.requireShadow(cardId).posted();
  }

  /**
   * Credits a card at a settlement terminal: {@link #intend}, {@link #load}, {@link #confirm}.
   *
   * @param card a client with the applet selected
   * @param terminalId the terminal whose cash account pays
   * @param amount minor units
   * @return the card's verified credit receipt
   * @throws CardRefusedException if the card refused; the intent is released
   */
  public VerifiedReceipt credit(PurseCard card, String terminalId, long amount) {
    CreditIntent intent = intend(card, terminalId, amount);
    VerifiedReceipt receipt = load(card, intent);
    confirm(intent, receipt);
    return receipt;
  }

  /**
   * Step 1 of a credit: takes a challenge from the card and records the intent as a ledger hold
   * from the terminal's cash to the card's shadow.
   *
   * @throws JournalException if the ledger refused the hold
   */
  public CreditIntent intend(PurseCard card, String terminalId, long amount) {
    CardId cardId = card.cardId();
    Account shadow = ledger.requireShadow(cardId);
    AccountId cash = ledger.operator(Keys.cash(terminalId, shadow.currency()), shadow.currency());
    Challenge challenge = card.initialize();
    long counter = challenge.counter() + 1;
    TransferId hold =
        CardLedgerIds.creditHold(cardId, counter, ledger.creditHolds(cardId, counter).size());
    CommandResult result =
        ledger.submit(
            LedgerCommand.hold(
                hold,
                cash,
                shadow.id(),
                amount,
                holdTimeout,
                JournalLedger.creditCode(challenge.value())));
    Refusal refusal = result.refusal();
    if (refusal != null) {
      throw new JournalException("cannot record the credit of card " + cardId, refusal);
    }
    return new CreditIntent(cardId, challenge, amount, hold);
  }

  /**
   * Step 2 of a credit: sends the issuer-authorised CREDIT to the card, in the session of the
   * intent's challenge.
   *
   * @throws CardRefusedException if the card refused (it changed nothing); the intent is released,
   *     except after {@link dev.idsettle.card.Refusal#UNEXPECTED} (such as a card torn from the
   *     reader), which may come after the card applied the credit: {@link #recover} decides
   */
  public VerifiedReceipt load(PurseCard card, CreditIntent intent) {
    CardReceipt receipt;
    try {
      receipt =
          card.credit(
              intent.challenge(),
              intent.amount(),
              issuer.authorizeCredit(intent.cardId(), intent.challenge(), intent.amount()));
    } catch (CardRefusedException e) {
      if (e.refusal() != dev.idsettle.card.Refusal.UNEXPECTED) {
        // a documented refusal: the card changed nothing, so the value never reached it
        ledger.ledger().transfer(intent.hold()).ifPresent(ledger::release);
      }
      throw e;
    }
    return issuer.verify(receipt);
  }

  /**
   * Step 3 of a credit: books the value on the shadow account. Idempotent.
   *
   * @throws IllegalArgumentException if {@code receipt} is not the card's receipt of this credit
   */
  public void confirm(CreditIntent intent, VerifiedReceipt receipt) {
    CardReceipt r = receipt.receipt();
    if (r.kind() != CardReceipt.Kind.CREDIT
        || !r.cardId().equals(intent.cardId())
        || r.counter() != intent.counter()
        || r.amount() != intent.amount()
        || r.nonce() != intent.challenge().value()) {
      throw new IllegalArgumentException(receipt + " is not the receipt of " + intent);
    }
    ledger.confirm(requireHold(intent.hold()));
  }

  /**
   * Resolves the card's unfinished credits after a crash, from what the card says. Selects the
   * applet first, which kills any challenge a lost CREDIT could still use, so a released intent can
   * never land on the card afterwards. Idempotent.
   *
   * <p>Credits older than the card's last transaction cannot be told from the card; they are
   * resolved by settling their receipts ({@link #settle}): a credit receipt confirms its intent, a
   * debit receipt for the same counter releases it.
   */
  public Recovery recover(PurseCard card) {
    card.select();
    CardId cardId = card.cardId();
    long counter = card.counter();
    Optional<CardReceipt> last = card.lastReceipt();
    List<TransferId> confirmed = new ArrayList<>();
    List<TransferId> released = new ArrayList<>();
    for (Transfer hold : ledger.creditHolds(cardId, counter + 1)) {
      if (JournalLedger.isOpen(hold)) {
        ledger.release(hold);
        released.add(hold.id());
      }
    }
    Optional<VerifiedReceipt> lastCredit =
        last.filter(r -> r.kind() == CardReceipt.Kind.CREDIT && r.counter() == counter)
            .map(issuer::verify);
    for (Transfer hold : ledger.creditHolds(cardId, counter)) {
      if (!JournalLedger.isOpen(hold)) {
        continue;
      }
      boolean landed =
          lastCredit
              .map(v -> JournalLedger.isHoldFor(hold, v.receipt().nonce(), v.receipt().amount()))
              .orElse(false);
      if (landed) {
        ledger.confirm(hold);
        confirmed.add(hold.id());
      } else {
        ledger.release(hold);
        released.add(hold.id());
      }
    }
    return new Recovery(cardId, counter, confirmed, released);
  }

  /**
   * Settles receipts into the ledger: each debit moves its amount from the card's shadow to {@code
   * service}'s revenue account, keyed by card and counter; each credit receipt confirms its intent.
   * Only receipts that verify with the issuer's keys are booked. Idempotent: a receipt settled
   * before is reported as a duplicate and changes nothing.
   *
   * @param service the service whose terminals took the debits
   * @param receipts in any order, gathered online or from offline terminals, possibly repeated
   */
  public SettlementReport settle(String service, Collection<CardReceipt> receipts) {
    return new ReceiptSettlement(ledger, issuer, service).settle(receipts);
  }

  private Transfer requireHold(TransferId hold) {
    return ledger
        .ledger()
        .transfer(hold)
        .orElseThrow(() -> new IllegalStateException("no credit hold " + hold + " in the ledger"));
  }
}
