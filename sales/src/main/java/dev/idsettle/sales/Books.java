package dev.idsettle.sales;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The desk's money on the ledger: what buyers paid through the gateway, the clearing account it
 * passes through, the gateway's commission, the operator's payout, and the unspent value refunds
 * take back. Every transfer id is derived from the order, so a repeated step is a replay.
 */
final class Books {
  private static final String NS = "idsettle-sales";
  private final Ledger ledger;
  private final Currency currency;
  private final String desk;
  final AccountId gateway;
  final AccountId clearing;
  final AccountId commission;
  final AccountId operator;
  final AccountId unspent;
  private final AtomicBoolean made = new AtomicBoolean();

  Books(Ledger ledger, Currency currency, String desk) {
    this.ledger = ledger;
    this.currency = currency;
    this.desk = desk;
    this.gateway = account("gateway");
    this.clearing = account("clearing");
    this.commission = account("commission");
    this.operator = account("operator");
    this.unspent = account("unspent-refunds");
  }

  private AccountId account(String name) {
    return AccountId.named("sales:" + desk + ":" + name);
  }

  void ensureAccounts() {
    if (!made.get()) {
      List<Account> accounts = new ArrayList<>();
      for (AccountId id : List.of(gateway, clearing, commission, operator, unspent)) {
        accounts.add(Account.operator(id, currency));
      }
      ledger.createAccounts(accounts);
      made.set(true);
    }
  }

  /** Price in, commission to the gateway, the rest to the operator: all or nothing. */
  boolean recordSale(SaleOrder o) {
    ensureAccounts();
    long net = o.priceMinor() - o.commissionMinor();
    List<LedgerCommand> linked = new ArrayList<>();
    linked.add(LedgerCommand.post(id(o, "price"), gateway, clearing, o.priceMinor(), "sale price"));
    if (o.commissionMinor() > 0) {
      linked.add(
          LedgerCommand.post(
              id(o, "commission"), clearing, commission, o.commissionMinor(), "sale commission"));
    }
    if (net > 0) {
      linked.add(LedgerCommand.post(id(o, "payout"), clearing, operator, net, "sale payout"));
    }
    return allApplied(ledger.submit(LedgerBatch.create().addLinked(linked)));
  }

  /**
   * Takes {@code amount} (what is unspent) off the ID's account and closes it, all or nothing.
   *
   * @return null if done, or the ledger's refusal
   */
  @Nullable Refusal takeBack(SaleOrder o, AccountId idAccount, long amount) {
    ensureAccounts();
    String key = String.valueOf(o.refundKey());
    List<LedgerCommand> linked = new ArrayList<>();
    if (amount > 0) {
      linked.add(
          LedgerCommand.post(
              TransferId.derive(NS, desk, o.key(), "take-back", key),
              idAccount,
              unspent,
              amount,
              "refund: unspent value"));
    }
    linked.add(
        new LedgerCommand.StateChange(
            idAccount,
            Set.of(AccountState.ACTIVE, AccountState.EXHAUSTED),
            AccountState.VOIDED,
            true));
    List<CommandResult> results = ledger.submit(LedgerBatch.create().addLinked(linked));
    for (CommandResult r : results) {
      if (!r.applied()) {
        return r.refusal();
      }
    }
    return null;
  }

  /** The money returned to the buyer leaves the operator's payout. */
  boolean recordRefund(SaleOrder o) {
    ensureAccounts();
    if (o.refundMinor() == 0) {
      return true;
    }
    return allApplied(
        ledger.submit(
            LedgerBatch.create()
                .add(
                    LedgerCommand.post(
                        TransferId.derive(
                            NS, desk, o.key(), "refund", String.valueOf(o.refundKey())),
                        operator,
                        gateway,
                        o.refundMinor(),
                        "refund to buyer"))));
  }

  private TransferId id(SaleOrder o, String what) {
    return TransferId.derive(NS, desk, o.key(), what);
  }

  private static boolean allApplied(List<CommandResult> results) {
    for (CommandResult r : results) {
      if (!r.applied()) {
        return false;
      }
    }
    return true;
  }
}
