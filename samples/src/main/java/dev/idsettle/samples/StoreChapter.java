package dev.idsettle.samples;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Reversed;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.SlipDenial;
import dev.idsettle.roles.Slips;
import dev.idsettle.roles.SlipsActivated;
import java.util.List;

/**
 * Chapter 2: a store sells one slip of the sheet. Its terminal reports what it read from the slip
 * (ID, serial, face value) and what the user paid; the slip is activated only when they agree. Then
 * the store's till sells a plain ID but never hears the answer, and reverses the activation.
 */
final class StoreChapter {
  static final String STORE = "store-12";

  /**
   * What the chapter did.
   *
   * @param slip the slip the user bought
   * @param wrongAmount the refusal of a payment that was not the face value
   * @param sold the slip's activation
   * @param balance the slip's balance after it
   * @param reversed the reversal of the till's activation whose answer was lost
   * @param stateAfterReversal the reversed ID's state
   * @param retryAfterReversal the answer to a retry of the reversed activation's reference
   */
  record Sale(
      Slip slip,
      SlipDenial wrongAmount,
      SlipsActivated sold,
      Money balance,
      Reversed reversed,
      AccountState stateAfterReversal,
      Denial retryAfterReversal) {}

  private StoreChapter() {}

  static Sale tell(Story s, Slips slips, Slip slip) {
    s.chapter(2, "A store activates one slip when it is paid");
    s.say("The user picks the slip %s and keeps it; it reads", slip.serial());
    s.say("  %s   %s   %s", slip.id().formatted(), slip.serial(), slip.faceValue());
    SlipDenial wrong =
        Story.expect(
            SlipDenial.class,
            slips.activate(
                STORE, List.of(slip.printed()), Story.eur(500), s.ref("store-12-sale-0")));
    s.say("%s keys in 5.00 paid: refused, %s", STORE, wrong.reason());
    SlipsActivated sold =
        Story.expect(
            SlipsActivated.class,
            slips.activate(
                STORE, List.of(slip.printed()), slip.faceValue(), s.ref("store-12-sale-1")));
    Money balance = balanceOf(s, slip.id());
    s.say("%s is paid %s: the slip is active, balance %s", STORE, sold.total(), balance);

    SettlementTerminal till = s.settle.terminal(STORE);
    IdNumber plain = s.settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    String reference = s.ref("till-sale-2");
    Activated lost =
        Story.expect(Activated.class, till.activate(plain, slip.faceValue(), reference));
    s.say(
        "The till also sells a plain ID %s (balance %s) but the answer is lost: it reverses",
        plain, lost.balance());
    Reversed reversed = Story.expect(Reversed.class, till.reverse(plain, reference));
    AccountState state = s.settle.account(plain).map(Account::state).orElseThrow();
    s.say("reversed: %s back to the till's cash; the ID is %s again", reversed.amount(), state);
    Denial retry = Story.expect(Denial.class, till.activate(plain, slip.faceValue(), reference));
    s.show("the till retries the same reference", retry);
    return new Sale(slip, wrong, sold, balance, reversed, state, retry);
  }

  static Money balanceOf(Story s, IdNumber id) {
    return s.settle.account(id).orElseThrow().availableBalance();
  }
}
