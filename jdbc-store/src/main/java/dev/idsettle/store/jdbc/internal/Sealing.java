package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.LedgerTx.Changes;
import dev.idsettle.spi.Sealer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The seals of one write: each transfer's, chained in the order judged to the heads its accounts
 * had (read under lock), and each account's new head and seal. An account a transfer touched
 * without changing it (a recorded refusal) is written too, for its new head.
 */
final class Sealing {
  private final List<byte[]> transferSeals;
  private final Map<AccountId, byte[]> heads;
  private final Map<AccountId, byte[]> accountSeals;
  private final Changes changes;

  private Sealing(
      Changes changes,
      List<byte[]> transferSeals,
      Map<AccountId, byte[]> heads,
      Map<AccountId, byte[]> accountSeals) {
    this.changes = changes;
    this.transferSeals = transferSeals;
    this.heads = heads;
    this.accountSeals = accountSeals;
  }

  /**
   * Seals {@code changes}: {@code lockedHeads} holds the chain head each locked account had (absent
   * when its chain has not begun), {@code judgedBy} the image of every account locked. Updates
   * {@code lockedHeads} to the new heads.
   */
  static Sealing of(
      Sealer sealer,
      Changes changes,
      Map<AccountId, byte @Nullable []> lockedHeads,
      Map<AccountId, Account> judgedBy) {
    List<Transfer> transfers = changes.transfers();
    List<byte[]> seals = new ArrayList<>(transfers.size());
    Map<AccountId, byte[]> moved = new HashMap<>();
    for (Transfer t : transfers) {
      byte[] debitHead = Sealer.headOrGenesis(lockedHeads.get(t.debit()));
      byte[] creditHead = Sealer.headOrGenesis(lockedHeads.get(t.credit()));
      byte[] seal = sealer.seal(t, debitHead, creditHead);
      seals.add(seal);
      lockedHeads.put(t.debit(), seal);
      lockedHeads.put(t.credit(), seal);
      moved.put(t.debit(), seal);
      moved.put(t.credit(), seal);
    }
    List<Account> accounts = new ArrayList<>(changes.accounts());
    Map<AccountId, byte[]> accountHeads = new HashMap<>();
    Map<AccountId, byte[]> accountSeals = new HashMap<>();
    for (Account a : accounts) {
      moved.remove(a.id());
    }
    for (AccountId id : moved.keySet()) {
      accounts.add(JdbcTx.judgedBy(judgedBy, id));
    }
    for (Account a : accounts) {
      byte[] head = Sealer.headOrGenesis(lockedHeads.get(a.id()));
      accountHeads.put(a.id(), head);
      accountSeals.put(a.id(), sealer.seal(a, head));
    }
    Changes all =
        accounts.size() == changes.accounts().size()
            ? changes
            : new Changes(accounts, transfers, changes.resolvedHolds());
    return new Sealing(all, seals, accountHeads, accountSeals);
  }

  /** The changes to write: with the accounts whose only change is their head. */
  Changes changes() {
    return changes;
  }

  /** The seal of the {@code i}-th transfer. */
  byte[] transferSeal(int i) {
    return transferSeals.get(i);
  }

  /** The new chain head of account {@code id}. */
  byte[] head(AccountId id) {
    byte[] h = heads.get(id);
    if (h == null) {
      throw new IllegalStateException("account " + id + " was not sealed");
    }
    return h;
  }

  /** The new seal of account {@code id}. */
  byte[] seal(AccountId id) {
    byte[] s = accountSeals.get(id);
    if (s == null) {
      throw new IllegalStateException("account " + id + " was not sealed");
    }
    return s;
  }
}
