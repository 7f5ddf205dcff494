package dev.idsettle.card.journal;

import dev.idsettle.card.CardId;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.roles.OperatorAccounts;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The journal's ledger operations: accounts, credit holds and their resolution. */
final class JournalLedger {

  private static final String CREDIT_CODE = "card-credit ";

  private final Ledger ledger;
  private final CardLedgerIds ids;
  private final Set<AccountId> operatorAccounts = ConcurrentHashMap.newKeySet();

  JournalLedger(Ledger ledger, CardLedgerIds ids) {
    this.ledger = ledger;
    this.ids = ids;
  }

  CardLedgerIds ids() {
    return ids;
  }

  Ledger ledger() {
    return ledger;
  }

  Optional<Account> shadow(CardId card) {
    return ledger.account(ids.shadow(card));
  }

  Account requireShadow(CardId card) {
    return shadow(card)
        .orElseThrow(
            () ->
                new IllegalStateException("card " + card + " is not registered with the journal"));
  }

  /** Creates the operator account {@code id} unless this journal has seen it already. */
  /** The names of the operator's accounts in {@code currency}: the ones the roles post to. */
  OperatorAccounts operatorAccounts(Currency currency) {
    return OperatorAccounts.of(ledger.store(), currency);
  }

  AccountId operator(AccountId id, Currency currency) {
    if (!operatorAccounts.contains(id)) {
      ledger.createAccounts(List.of(Account.operator(id, currency)));
      operatorAccounts.add(id);
    }
    return id;
  }

  CommandResult submit(LedgerCommand command) {
    return ledger.submit(LedgerBatch.create().add(command)).get(0);
  }

  /** The credit holds recorded for {@code counter} of {@code card}, oldest attempt first. */
  List<Transfer> creditHolds(CardId card, long counter) {
    List<Transfer> holds = new ArrayList<>();
    for (int attempt = 0; ; attempt++) {
      Optional<Transfer> hold = ledger.transfer(ids.creditHold(card, counter, attempt));
      if (hold.isEmpty()) {
        return holds;
      }
      holds.add(hold.get());
    }
  }

  /**
   * The label of a credit hold: it carries the card's challenge, which the credit receipt echoes.
   */
  static String creditCode(long challenge) {
    return CREDIT_CODE + HexFormat.of().toHexDigits(challenge);
  }

  static boolean isHoldFor(Transfer hold, long challenge, long amount) {
    return hold.code().equals(creditCode(challenge)) && hold.amount() == amount;
  }

  static boolean isOpen(Transfer hold) {
    return hold.applied() && hold.holdState() == HoldState.OPEN;
  }

  /**
   * Books the credit of {@code hold}: captures it, or, if the ledger resolved it otherwise in the
   * meantime (it timed out), posts the same value anew. Idempotent.
   */
  void confirm(Transfer hold) {
    CommandResult capture =
        submit(
            LedgerCommand.capture(
                CardLedgerIds.creditCapture(hold.id()), hold.id(), hold.amount(), "card-credit"));
    if (capture.applied()) {
      return;
    }
    Refusal refusal = capture.refusal();
    if (refusal != Refusal.HOLD_EXPIRED && refusal != Refusal.HOLD_ALREADY_RESOLVED) {
      throw new JournalException("cannot capture credit hold " + hold.id(), refusalOf(capture));
    }
    CommandResult late =
        submit(
            LedgerCommand.post(
                CardLedgerIds.lateCredit(hold.id()),
                hold.debit(),
                hold.credit(),
                hold.amount(),
                "card-credit-late"));
    if (!late.applied()) {
      throw new JournalException("cannot book late credit of hold " + hold.id(), refusalOf(late));
    }
  }

  /** Releases {@code hold}: the card never got its value. Idempotent. */
  void release(Transfer hold) {
    CommandResult result =
        submit(
            LedgerCommand.voidHold(
                CardLedgerIds.creditVoid(hold.id()), hold.id(), "card-credit-void"));
    Refusal refusal = result.refusal();
    if (refusal != null
        && refusal != Refusal.HOLD_ALREADY_RESOLVED
        && refusal != Refusal.HOLD_EXPIRED) {
      throw new JournalException("cannot release credit hold " + hold.id(), refusal);
    }
  }

  /** Whether the value of {@code hold} is booked on the shadow account. */
  boolean confirmed(Transfer hold) {
    if (hold.holdState() == HoldState.CAPTURED) {
      return true;
    }
    return ledger
        .transfer(CardLedgerIds.lateCredit(hold.id()))
        .map(Transfer::applied)
        .orElse(false);
  }

  /** Whether counter {@code counter} of {@code card} is booked, as a debit or a credit. */
  boolean booked(CardId card, long counter) {
    Optional<Transfer> debit = ledger.transfer(ids.debit(card, counter));
    if (debit.isPresent() && debit.get().applied()) {
      return true;
    }
    return creditHolds(card, counter).stream().anyMatch(this::confirmed);
  }

  private static Refusal refusalOf(CommandResult result) {
    Refusal refusal = result.refusal();
    if (refusal == null) {
      throw new IllegalStateException("the command was applied");
    }
    return refusal;
  }
}
