package dev.idsettle.operator;

import dev.idsettle.audit.AuditFinding;
import dev.idsettle.audit.AuditReport;
import dev.idsettle.audit.FindingKind;
import dev.idsettle.audit.LedgerAudit;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Ledger;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.Sealer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The ledger's invariants: {@link LedgerAudit}, then value conservation per currency. */
final class LedgerCheck {
  private static final int PAGE = 1000;
  private static final Set<DifferenceKind> TRANSFER_LEVEL =
      EnumSet.of(
          DifferenceKind.TRANSFER_SEAL_MISMATCH,
          DifferenceKind.TRANSFER_UNSEALED,
          DifferenceKind.HOLD_STATE_MISMATCH);

  private final Ledger ledger;
  private final LedgerStore store;
  private final @Nullable Sealer sealer;
  private final Progress progress;
  long accounts;
  long transfers;

  LedgerCheck(Ledger ledger, @Nullable Sealer sealer, Progress progress) {
    this.ledger = ledger;
    this.store = ledger.store();
    this.sealer = sealer;
    this.progress = progress;
  }

  void run(List<Difference> differences, List<String> notes) {
    AuditReport report = audit(notes);
    accounts = report.accounts();
    transfers = report.transfers();
    progress.add(report.accounts() + report.transfers());
    long predating = 0;
    for (AuditFinding f : report.findings()) {
      if (f.kind().tampering()) {
        differences.add(difference(f));
      } else if (f.kind() == FindingKind.PREDATES_CHAIN) {
        predating++;
      } else {
        notes.add(f.detail());
      }
    }
    if (predating > 0) {
      notes.add(
          predating
              + " accounts have transfers written before the store began sealing: their content"
              + " is not vouched for by a seal (their balances were checked)");
    }
    conservation(differences);
  }

  private AuditReport audit(List<String> notes) {
    boolean seals = store.sealedJournal().isPresent();
    Sealer s = sealer;
    if (s != null && seals) {
      return LedgerAudit.check(store, s);
    }
    if (seals) {
      notes.add(
          "the store seals its rows but no sealing key was given: balances were checked against"
              + " the journal, the seals were not");
    } else if (s != null) {
      notes.add(
          "a sealing key was given but the store keeps no seals: balances were checked against"
              + " the journal");
    } else {
      notes.add("the store keeps no seals: balances were checked against the journal");
    }
    return LedgerAudit.checkBalances(store);
  }

  private void conservation(List<Difference> differences) {
    Map<String, Long> sums = new TreeMap<>();
    new JournalScan(store, progress)
        .accounts(a -> sums.merge(a.currency().getCurrencyCode(), a.posted(), Long::sum));
    sums.forEach(
        (currency, sum) -> {
          if (sum != 0) {
            differences.add(
                new Difference(
                    DifferenceKind.VALUE_NOT_CONSERVED,
                    "currency " + currency,
                    "0",
                    Long.toString(sum),
                    "the balances of all accounts in "
                        + currency
                        + " sum to "
                        + sum
                        + " minor units, not zero: value was made or lost outside the"
                        + " ledger's transfers"));
          }
        });
  }

  private Difference difference(AuditFinding f) {
    DifferenceKind kind = kindOf(f.kind());
    AccountId account = f.account();
    String subject =
        TRANSFER_LEVEL.contains(kind) && f.transfer() != null
            ? "transfer " + f.transfer()
            : account != null ? "account " + account : "ledger";
    String expected = "as " + (kind.name().contains("SEAL") ? "sealed" : "journaled");
    String found = "changed";
    if (account != null && kind == DifferenceKind.BALANCE_MISMATCH) {
      expected = Long.toString(journalBalance(account));
      found = stored(account).map(a -> Long.toString(a.posted())).orElse("no row");
    } else if (account != null && kind == DifferenceKind.RESERVED_MISMATCH) {
      expected = Long.toString(openHolds(account));
      found = stored(account).map(a -> Long.toString(a.reserved())).orElse("no row");
    } else if (kind == DifferenceKind.ACCOUNT_MISSING) {
      expected = "an account row";
      found = "none";
    }
    return new Difference(kind, subject, expected, found, f.detail());
  }

  private static DifferenceKind kindOf(FindingKind kind) {
    for (DifferenceKind k : DifferenceKind.values()) {
      if (k.name().equals(kind.name())) {
        return k;
      }
    }
    return DifferenceKind.LEDGER_TAMPERED;
  }

  private Optional<Account> stored(AccountId account) {
    return store.findAccount(account);
  }

  /** Credits less debits of the account's moving transfers. */
  private long journalBalance(AccountId account) {
    long sum = 0;
    for (int offset = 0; ; offset += PAGE) {
      List<Transfer> page = ledger.transfers(account, offset, PAGE);
      for (Transfer t : page) {
        if (t.moves()) {
          sum += t.credit().equals(account) ? t.amount() : 0;
          sum -= t.debit().equals(account) ? t.amount() : 0;
        }
      }
      if (page.size() < PAGE) {
        return sum;
      }
    }
  }

  /** The amounts of the open holds debiting the account. */
  private long openHolds(AccountId account) {
    long sum = 0;
    for (int offset = 0; ; offset += PAGE) {
      List<Transfer> page = ledger.transfers(account, offset, PAGE);
      for (Transfer t : page) {
        if (t.applied()
            && t.kind() == TransferKind.HOLD
            && t.holdState() == HoldState.OPEN
            && t.debit().equals(account)) {
          sum += t.amount();
        }
      }
      if (page.size() < PAGE) {
        return sum;
      }
    }
  }
}
