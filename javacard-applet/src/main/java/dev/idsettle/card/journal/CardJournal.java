package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.card.CardIssuer;
import dev.idsettle.card.CardOperationException;
import dev.idsettle.card.CardReceipt;
import dev.idsettle.card.CardStatement;
import dev.idsettle.card.Challenge;
import dev.idsettle.card.Payee;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.VerifiedReceipt;
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
import java.security.SecureRandom;
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
 * Nothing a reader says without the card's MAC moves money: a status word, a counter or a lost
 * answer never releases a hold. Where a credit's fate is in doubt, the journal asks the card for a
 * statement (balance, counter and last receipt under the card's MAC over a fresh nonce, which also
 * kills any unused challenge) and decides on that alone; without one, the hold stays open until a
 * statement or a receipt decides, or it times out. After a crash, {@link #recover} does the same.
 * Receipts of debits are booked by {@link #settle}, keyed by card and counter, for the payee the
 * card bound them to. Thread-safe; one card is driven by one caller at a time.
 */
public final class CardJournal {

  /** How long a credit intent lives before the ledger releases it on its own. */
  public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofDays(7);

  private static final SecureRandom NONCES = new SecureRandom();

  private final JournalLedger ledger;
  private final CardIssuer issuer;
  private final Duration holdTimeout;

  private CardJournal(Ledger ledger, CardIssuer issuer, Duration holdTimeout) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.ledger =
        new JournalLedger(Objects.requireNonNull(ledger, "ledger"), CardLedgerIds.under(issuer));
    this.holdTimeout = Objects.requireNonNull(holdTimeout, "holdTimeout");
  }

  /** A journal over {@code ledger}, verifying receipts with {@code issuer}. */
  public static CardJournal create(Ledger ledger, CardIssuer issuer) {
    return create(ledger, issuer, DEFAULT_HOLD_TIMEOUT);
  }

  /**
   * A journal whose credit intents time out after {@code holdTimeout}; a credit the card gets later
   * is still booked, as a separate post.
   */
  public static CardJournal create(Ledger ledger, CardIssuer issuer, Duration holdTimeout) {
    if (holdTimeout.isNegative() || holdTimeout.isZero()) {
      throw new IllegalArgumentException("holdTimeout must be positive, was " + holdTimeout);
    }
    return new CardJournal(ledger, issuer, holdTimeout);
  }

  /**
   * Returns the id of {@code cardId}'s shadow account: the same in every process with the issuer's
   * ledger key, and nothing a database alone can link to the card.
   */
  public AccountId shadowAccount(CardId cardId) {
    return ledger.ids().shadow(cardId);
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
   * @throws CardOperationException if the card refused or did not answer, and the credit did not
   *     land; the intent is released if the card's statement shows it never will, and stays open
   *     for {@link #recover} otherwise
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
    AccountId cash =
        ledger.operator(
            ledger.operatorAccounts(shadow.currency()).cash(terminalId), shadow.currency());
    Challenge challenge = card.initialize();
    long counter = challenge.counter() + 1;
    TransferId hold =
        ledger.ids().creditHold(cardId, counter, ledger.creditHolds(cardId, counter).size());
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
   * <p>If the answer is a refusal, an I/O error or a receipt that does not verify, the journal does
   * not believe it: a reader may have passed the CREDIT on and lied, or kept it to pass on later.
   * It asks the card for a statement. If the statement shows the credit applied, its receipt is
   * returned as if the answer had arrived; if it shows the credit not applied (the statement also
   * killed the challenge, so it never will be), the intent is released; otherwise the intent stays
   * open for {@link #recover} and the card's receipts.
   *
   * @throws CardOperationException what the card (or reader) answered, if the credit did not land
   */
  public VerifiedReceipt load(PurseCard card, CreditIntent intent) {
    try {
      return issuer.verify(
          card.credit(
              intent.challenge(),
              intent.amount(),
              issuer.authorizeCredit(intent.cardId(), intent.challenge(), intent.amount())));
    } catch (CardOperationException answer) {
      Optional<VerifiedReceipt> landed;
      try {
        landed = settleIntent(intent, readStatement(card));
      } catch (CardOperationException noStatement) {
        answer.addSuppressed(noStatement);
        throw answer;
      }
      return landed.orElseThrow(() -> answer);
    }
  }

  /**
   * Decides {@code intent} from an authenticated statement: confirms nothing, but releases the hold
   * if the credit can no longer land and returns the receipt if it did.
   */
  private Optional<VerifiedReceipt> settleIntent(CreditIntent intent, CardStatement statement) {
    if (!statement.cardId().equals(intent.cardId())) {
      return Optional.empty();
    }
    if (statement.counter() == intent.challenge().counter()) {
      // the counter has not moved and the statement killed the challenge: it never will land
      ledger.ledger().transfer(intent.hold()).ifPresent(ledger::release);
      return Optional.empty();
    }
    Optional<CardReceipt> last = statement.lastReceipt();
    if (last.isPresent() && isReceiptOf(intent, last.get())) {
      return Optional.of(issuer.verify(last.get()));
    }
    if (statement.counter() == intent.counter()) {
      // the card used the intent's counter for something else: the credit never will land
      ledger.ledger().transfer(intent.hold()).ifPresent(ledger::release);
    }
    return Optional.empty();
  }

  private static boolean isReceiptOf(CreditIntent intent, CardReceipt r) {
    return r.kind() == CardReceipt.Kind.CREDIT
        && r.cardId().equals(intent.cardId())
        && r.counter() == intent.counter()
        && r.amount() == intent.amount()
        && r.nonce() == intent.challenge().value();
  }

  /** Reads and verifies the card's statement over a fresh nonce; throws if it does not verify. */
  private CardStatement readStatement(PurseCard card) {
    long nonce = NONCES.nextLong();
    return issuer.verify(card.statement(nonce), nonce).statement();
  }

  /**
   * Step 3 of a credit: books the value on the shadow account. Idempotent.
   *
   * @throws IllegalArgumentException if {@code receipt} is not the card's receipt of this credit
   */
  public void confirm(CreditIntent intent, VerifiedReceipt receipt) {
    if (!isReceiptOf(intent, receipt.receipt())) {
      throw new IllegalArgumentException(receipt + " is not the receipt of " + intent);
    }
    ledger.confirm(requireHold(intent.hold()));
  }

  /**
   * Resolves the card's unfinished credits after a crash, from the card's authenticated statement
   * alone (its MAC over a fresh nonce is checked before anything changes). Reading the statement
   * kills any challenge a lost CREDIT could still use, so a released intent can never land on the
   * card afterwards. Idempotent.
   *
   * <p>Credits older than the card's last transaction cannot be told from the card; they are
   * resolved by settling their receipts ({@link #settle}): a credit receipt confirms its intent, a
   * debit receipt for the same counter releases it.
   *
   * @throws CardOperationException if the card's statement cannot be read or does not verify;
   *     nothing changed
   */
  public Recovery recover(PurseCard card) {
    card.select();
    CardStatement statement = readStatement(card);
    CardId cardId = statement.cardId();
    long counter = statement.counter();
    List<TransferId> confirmed = new ArrayList<>();
    List<TransferId> released = new ArrayList<>();
    for (Transfer hold : ledger.creditHolds(cardId, counter + 1)) {
      if (JournalLedger.isOpen(hold)) {
        ledger.release(hold);
        released.add(hold.id());
      }
    }
    Optional<CardReceipt> lastCredit =
        statement
            .lastReceipt()
            .filter(r -> r.kind() == CardReceipt.Kind.CREDIT && r.counter() == counter);
    for (Transfer hold : ledger.creditHolds(cardId, counter)) {
      if (!JournalLedger.isOpen(hold)) {
        continue;
      }
      boolean landed =
          lastCredit.map(r -> JournalLedger.isHoldFor(hold, r.nonce(), r.amount())).orElse(false);
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
   * Settles receipts into the ledger for the payee that took them: each debit bound to {@code
   * payee} moves its amount from the card's shadow to the payee's service's revenue account, keyed
   * by card and counter; each credit receipt confirms its intent. Only receipts that verify with
   * the issuer's keys are booked; a debit bound to another service or terminal is rejected, so a
   * copied receipt cannot be settled by whoever sends it first. Idempotent: a receipt settled
   * before is reported as a duplicate and changes nothing.
   *
   * @param payee the caller, as the transport that delivered the receipts authenticated it (never
   *     as the receipts or the caller claim it)
   * @param receipts in any order, gathered online or from offline terminals, possibly repeated
   */
  public SettlementReport settle(Payee payee, Collection<CardReceipt> receipts) {
    return new ReceiptSettlement(ledger, issuer, payee).settle(receipts);
  }

  private Transfer requireHold(TransferId hold) {
    return ledger
        .ledger()
        .transfer(hold)
        .orElseThrow(() -> new IllegalStateException("no credit hold " + hold + " in the ledger"));
  }
}
