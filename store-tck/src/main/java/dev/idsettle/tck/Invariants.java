package dev.idsettle.tck;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's invariants, checked on what a store holds for a closed set of accounts (one whose
 * transfers never leave the set): value is conserved (posted balances sum to zero), every posted
 * balance is the sum of its moving transfers, every reserved amount is the sum of its open holds,
 * and no ID account has a negative balance.
 */
public final class Invariants {
  /** The word in every violation that reports an ID spent below zero. */
  public static final String OVERDRAWN = "overdrawn";

  private static final int PAGE = 100;

  private Invariants() {}

  /** Every violation found among {@code accounts}, as readable lines; empty when all hold. */
  public static List<String> violations(LedgerStore store, Collection<AccountId> accounts) {
    List<String> out = new ArrayList<>();
    long sum = 0;
    for (AccountId id : accounts) {
      Optional<Account> found = store.findAccount(id);
      if (found.isEmpty()) {
        out.add(id + " does not exist");
        continue;
      }
      Account a = found.get();
      sum = Math.addExact(sum, a.posted());
      checkAccount(a, transfersOf(store, id), out);
    }
    if (sum != 0) {
      out.add("posted balances sum to " + sum + ", not 0: value was created or lost");
    }
    return out;
  }

  /** All transfers of {@code account}, reading every page. */
  public static List<Transfer> transfersOf(LedgerStore store, AccountId account) {
    List<Transfer> all = new ArrayList<>();
    while (true) {
      List<Transfer> page = store.transfersOf(account, all.size(), PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private static void checkAccount(Account a, List<Transfer> transfers, List<String> out) {
    long journal = 0;
    long held = 0;
    for (Transfer t : transfers) {
      if (t.moves()) {
        journal += t.credit().equals(a.id()) ? t.amount() : 0;
        journal -= t.debit().equals(a.id()) ? t.amount() : 0;
      }
      if (t.kind() == TransferKind.HOLD
          && t.holdState() == HoldState.OPEN
          && t.applied()
          && t.debit().equals(a.id())) {
        held += t.amount();
      }
    }
    if (journal != a.posted()) {
      out.add(a.id() + " posted " + a.posted() + " but its moving transfers sum to " + journal);
    }
    if (held != a.reserved()) {
      out.add(a.id() + " reserved " + a.reserved() + " but its open holds sum to " + held);
    }
    if (a.mustNotOverdraw() && (a.available() < 0 || a.posted() < 0)) {
      out.add(a.id() + " " + OVERDRAWN + ": posted " + a.posted() + ", reserved " + a.reserved());
    }
    if (a.mustNotOverdraw() && journal < 0) {
      out.add(a.id() + " " + OVERDRAWN + ": its moving transfers sum to " + journal);
    }
  }
}
