package dev.idsettle.audit;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import dev.idsettle.spi.Sealer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a sealing store's rows against their seals and the balances against the journal, and names
 * each row that does not match: a change made behind the library's back (an insider with SQL access
 * editing a balance or an amount, deleting a transfer) is found, as long as the sealing key stayed
 * secret. Reads every row once, in written order, keeping a few dozen bytes per account in memory;
 * run it against a quiet store or a copy (rows written while it reads may be reported as balance
 * mismatches).
 *
 * <p>What it cannot see: a whole ledger restored from an older copy (its rows are all genuine), and
 * the content of rows written before the store sealed, which it reports as {@link
 * FindingKind#PREDATES_CHAIN} instead of vouching for them or calling them tampered. Sealing, once
 * on, must stay on: a transfer without a seal written after the first sealed one is reported as
 * {@link FindingKind#TRANSFER_UNSEALED}.
 */
public final class LedgerAudit {
  private static final int PAGE = 1000;

  private final SealedJournal journal;
  // null: balances only, every seal ignored (checkBalances)
  private final @Nullable Sealer sealer;
  private final List<AuditFinding> findings = new ArrayList<>();
  private final Map<AccountId, Tally> tallies = new HashMap<>();
  private final Map<TransferId, Transfer> holds = new HashMap<>();
  private final Map<TransferId, HoldState> resolutions = new HashMap<>();
  private boolean sealingBegan;
  private long transfers;
  private long unsealed;
  private long accounts;

  private LedgerAudit(SealedJournal journal, @Nullable Sealer sealer) {
    this.journal = journal;
    this.sealer = sealer;
  }

  /**
   * Checks every row of {@code store} with {@code sealer} (built from the key the store seals
   * with). A store that does not seal gets a report with {@link FindingKind#STORE_DOES_NOT_SEAL}
   * and nothing else checked.
   */
  public static AuditReport check(LedgerStore store, Sealer sealer) {
    Checks.notNull(store, "store");
    Checks.notNull(sealer, "sealer");
    Optional<SealedJournal> journal = store.sealedJournal();
    if (journal.isEmpty()) {
      return new AuditReport(
          List.of(
              new AuditFinding(
                  FindingKind.STORE_DOES_NOT_SEAL,
                  null,
                  null,
                  "the store keeps no seals (no sealing key configured): nothing was verified")),
          0,
          0,
          0);
    }
    return new LedgerAudit(journal.get(), sealer).run();
  }

  /**
   * Checks the balances of every account of {@code store} against its journal ({@link
   * LedgerStore#journal()}), without the seals: each posted balance against the sum of its moving
   * transfers, each reserved amount against its open holds, each hold's state against the transfers
   * that resolved it, and that every account a transfer names has a row. For a store that does not
   * seal, or when the sealing key is not at hand: a change that keeps the balances equal to the
   * journal (a transfer and its balances edited together) is found only by {@link #check}. The
   * report's {@link AuditReport#unsealedTransfers()} counts every transfer, none being vouched for
   * by a seal. A store that cannot list its rows gets a report with {@link
   * FindingKind#JOURNAL_UNAVAILABLE} and nothing else checked.
   */
  public static AuditReport checkBalances(LedgerStore store) {
    Checks.notNull(store, "store");
    Optional<SealedJournal> journal = store.journal();
    if (journal.isEmpty()) {
      return new AuditReport(
          List.of(
              new AuditFinding(
                  FindingKind.JOURNAL_UNAVAILABLE,
                  null,
                  null,
                  "the store cannot list its rows: nothing was verified")),
          0,
          0,
          0);
    }
    return new LedgerAudit(journal.get(), null).run();
  }

  private AuditReport run() {
    long after = 0;
    while (true) {
      List<SealedTransfer> page = journal.transfers(after, PAGE);
      for (SealedTransfer row : page) {
        transfer(row);
        after = row.position();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    long afterId = Long.MIN_VALUE;
    while (true) {
      List<SealedAccount> page = journal.accounts(afterId, PAGE);
      for (SealedAccount row : page) {
        account(row);
        afterId = row.account().id().value();
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    holdStates();
    tallies.forEach(
        (id, tally) -> {
          if (!tally.seen) {
            findings.add(
                new AuditFinding(
                    FindingKind.ACCOUNT_MISSING,
                    id,
                    tally.lastTransfer,
                    "transfers name account " + id + " but it has no row"));
          }
        });
    return new AuditReport(findings, accounts, transfers, unsealed);
  }

  private void transfer(SealedTransfer row) {
    transfers++;
    Transfer t = row.transfer();
    Tally debit = tally(t.debit(), t.id());
    Tally credit = tally(t.credit(), t.id());
    if (t.moves()) {
      debit.posted -= t.amount();
      credit.posted += t.amount();
    }
    if (t.applied() && t.kind() == TransferKind.HOLD) {
      holds.put(t.id(), t);
    }
    TransferId pending = t.pendingId();
    if (t.applied() && pending != null) {
      resolutions.put(pending, resolvedState(t.kind()));
    }
    byte[] seal = sealer == null ? null : row.seal();
    if (seal == null || sealer == null) {
      if (sealingBegan) {
        findings.add(
            new AuditFinding(
                FindingKind.TRANSFER_UNSEALED,
                t.debit(),
                t.id(),
                "transfer " + t.id() + " has no seal but was written after sealing began"));
      } else {
        unsealed++;
        debit.predating++;
        if (credit != debit) {
          credit.predating++;
        }
      }
      return;
    }
    sealingBegan = true;
    byte[] debitHead = Sealer.headOrGenesis(debit.head);
    byte[] creditHead = Sealer.headOrGenesis(credit.head);
    if (!MessageDigest.isEqual(seal, sealer.seal(t, debitHead, creditHead))) {
      findings.add(
          new AuditFinding(
              FindingKind.TRANSFER_SEAL_MISMATCH,
              t.debit(),
              t.id(),
              "transfer "
                  + t.id()
                  + " (debit "
                  + t.debit()
                  + ", credit "
                  + t.credit()
                  + ", amount "
                  + t.amount()
                  + ") does not match its seal: it was changed, or a transfer before it on one of"
                  + " these accounts was deleted or changed"));
    }
    // chained on from the stored seal, so that one broken row is one finding, not every later one
    debit.head = seal;
    credit.head = seal;
  }

  private void account(SealedAccount row) {
    accounts++;
    var a = row.account();
    Tally tally = tallies.computeIfAbsent(a.id(), id -> new Tally(null));
    tally.seen = true;
    if (tally.posted != a.posted()) {
      findings.add(
          new AuditFinding(
              FindingKind.BALANCE_MISMATCH,
              a.id(),
              null,
              "account "
                  + a.id()
                  + " has posted "
                  + a.posted()
                  + " but its moving transfers sum to "
                  + tally.posted));
    }
    byte[] seal = sealer == null ? null : row.seal();
    if (seal == null || sealer == null) {
      if (tally.head != null) {
        findings.add(
            new AuditFinding(
                FindingKind.ACCOUNT_UNSEALED,
                a.id(),
                tally.lastTransfer,
                "account " + a.id() + " has sealed transfers but no seal of its own"));
      }
    } else {
      byte[] stored = Sealer.headOrGenesis(row.head());
      if (!MessageDigest.isEqual(stored, Sealer.headOrGenesis(tally.head))) {
        findings.add(
            new AuditFinding(
                FindingKind.CHAIN_HEAD_MISMATCH,
                a.id(),
                tally.lastTransfer,
                "account "
                    + a.id()
                    + "'s chain head is not the seal of its last sealed transfer"
                    + (tally.lastTransfer == null ? "" : " (" + tally.lastTransfer + ")")
                    + ": transfers at the end of its journal were deleted, or the row was restored"
                    + " from an older copy"));
      }
      if (!MessageDigest.isEqual(seal, sealer.seal(a, stored))) {
        findings.add(
            new AuditFinding(
                FindingKind.ACCOUNT_SEAL_MISMATCH,
                a.id(),
                null,
                "account "
                    + a.id()
                    + " (posted "
                    + a.posted()
                    + ", reserved "
                    + a.reserved()
                    + ", "
                    + a.state()
                    + ") does not match its seal: the row was changed"));
      }
    }
    tally.reservedStored = a.reserved();
    if (tally.predating > 0 && sealer != null) {
      findings.add(
          new AuditFinding(
              FindingKind.PREDATES_CHAIN,
              a.id(),
              null,
              "account "
                  + a.id()
                  + " has "
                  + tally.predating
                  + " transfers written before sealing began: their content is not vouched for"));
    }
  }

  private void holdStates() {
    Map<AccountId, Long> reserved = new HashMap<>();
    for (Transfer hold : holds.values()) {
      HoldState expected = resolutions.getOrDefault(hold.id(), HoldState.OPEN);
      if (hold.holdState() != expected) {
        findings.add(
            new AuditFinding(
                FindingKind.HOLD_STATE_MISMATCH,
                hold.debit(),
                hold.id(),
                "hold "
                    + hold.id()
                    + " is "
                    + hold.holdState()
                    + " but its journal says "
                    + expected));
      }
      if (expected == HoldState.OPEN) {
        reserved.merge(hold.debit(), hold.amount(), Long::sum);
      }
    }
    tallies.forEach(
        (id, tally) -> {
          long open = reserved.getOrDefault(id, 0L);
          if (tally.seen && tally.reservedStored != open) {
            findings.add(
                new AuditFinding(
                    FindingKind.RESERVED_MISMATCH,
                    id,
                    null,
                    "account "
                        + id
                        + " has reserved "
                        + tally.reservedStored
                        + " but its open holds sum to "
                        + open));
          }
        });
  }

  private Tally tally(AccountId id, TransferId transfer) {
    Tally t = tallies.computeIfAbsent(id, k -> new Tally(transfer));
    t.lastTransfer = transfer;
    return t;
  }

  private static HoldState resolvedState(TransferKind kind) {
    return switch (kind) {
      case CAPTURE -> HoldState.CAPTURED;
      case VOID -> HoldState.VOIDED;
      case EXPIRE -> HoldState.EXPIRED;
      case POST, HOLD -> HoldState.NONE;
    };
  }

  /** What the audit knows of one account so far. */
  private static final class Tally {
    byte @Nullable [] head;
    @Nullable TransferId lastTransfer;
    long posted;
    long reservedStored;
    long predating;
    boolean seen;

    Tally(@Nullable TransferId first) {
      this.lastTransfer = first;
    }
  }
}
