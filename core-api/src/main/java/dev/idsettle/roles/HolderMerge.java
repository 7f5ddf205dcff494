package dev.idsettle.roles;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.CommandResult;
import dev.idsettle.ledger.KeyExistsException;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.money.Money;
import dev.idsettle.spi.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A merge (claim 9) as one linked ledger group: per old ID, a transfer of its whole balance to the
 * new ID and its change to {@link AccountState#MERGED} that requires it empty, written with the
 * keys that point each old ID to its successor and remember the reference. The change to MERGED
 * refuses the whole group if a debit or a hold reached the old ID after it was read: the merge then
 * reads again and tries anew under new transfer ids (the reference's key, written only with an
 * applied group, is what makes it idempotent).
 */
final class HolderMerge {
  private static final Set<AccountState> MERGEABLE =
      EnumSet.of(AccountState.ACTIVE, AccountState.EXHAUSTED);
  private static final int ATTEMPTS = 5;

  private final DefaultSettlementManager manager;
  private final IdSettle settle;
  private final HolderKeys keys;

  HolderMerge(DefaultSettlementManager manager, HolderKeys keys) {
    this.manager = manager;
    this.settle = manager.settle;
    this.keys = keys;
  }

  HolderResult merge(String holder, IdNumber id, AccountId into, String reference) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HolderKeys.Found f = keys.find(holder, reference, into);
      AccountKey op = f.operation();
      if (op != null) {
        return replay(op, into, reference);
      }
      Denial refused = f.otherHolder(id);
      if (refused != null) {
        return refused;
      }
      Account target = settle.ledger.account(into).orElseThrow();
      AccountState state = target.effectiveState(now());
      if (!MERGEABLE.contains(state)) {
        return DefaultHolders.stateDenial(state, id);
      }
      AccountId root = f.root();
      AccountId first = root == null ? into : root;
      Plan plan = new Plan();
      if (root != null) {
        Denial denied = plan(plan, root, into, reference, attempt);
        if (denied != null) {
          return denied;
        }
      } else {
        plan.keys.add(keys.holderKey(holder, into));
      }
      if (f.member() == null) {
        plan.keys.add(keys.memberKey(into, first));
      }
      plan.keys.add(
          new AccountKey(
              keys.operation(reference),
              into,
              first,
              HolderKeys.MERGE + plan.moved + ":" + plan.merged));
      Refusal refusal = apply(plan);
      if (refusal == null) {
        keys.changed(first);
        Account after = settle.ledger.account(into).orElseThrow();
        return new Merged(money(plan.moved), plan.merged, after.availableBalance(), false);
      }
      if (refusal != Refusal.NOT_EMPTY
          && refusal != Refusal.INSUFFICIENT_BALANCE
          && refusal != Refusal.CLOSED
          && refusal != Refusal.ID_REUSED) {
        return Answers.denial(refusal, id, null);
      }
      // a debit, hold or merge reached an old ID after it was read: read again
    }
    throw new StoreException("the holder's IDs kept changing during the merge: retry", false);
  }

  /** The moves of the holder's other usable IDs into {@code into}, or why the merge is refused. */
  private @Nullable Denial plan(
      Plan plan, AccountId root, AccountId into, String reference, int attempt) {
    Instant now = now();
    for (AccountKey k : settle.ledger.keysOwnedBy(root)) {
      AccountId old = k.account();
      if (!k.tag().equals(HolderKeys.MEMBER) || old.equals(into)) {
        continue;
      }
      Account a = settle.ledger.account(old).orElseThrow();
      AccountState state = a.effectiveState(now);
      if (state == AccountState.BLOCKED) {
        return new Denial(
            DenialReason.BLOCKED, null, "an ID of the holder is blocked: it cannot be merged");
      }
      if (!MERGEABLE.contains(state)) {
        continue; // unsold, expired (its value expired with it), merged or void: left as it is
      }
      if (a.reserved() > 0) {
        return new Denial(
            DenialReason.OPEN_HOLDS,
            null,
            "an ID of the holder has open holds (a running call): merge it once they end");
      }
      if (allocated(old)) {
        return new Denial(
            DenialReason.ALLOCATED,
            null,
            "an ID of the holder has value in envelopes for services: give it back first");
      }
      if (a.posted() > 0) {
        TransferId move =
            TransferId.derive(
                "idsettle:merge", reference, Long.toString(old.value()), Integer.toString(attempt));
        plan.commands.add(LedgerCommand.post(move, old, into, a.posted(), "merge"));
        plan.moved += a.posted();
      }
      plan.commands.add(new LedgerCommand.StateChange(old, MERGEABLE, AccountState.MERGED, true));
      plan.keys.add(keys.successorKey(old, into));
      plan.merged++;
    }
    return null;
  }

  private boolean allocated(AccountId old) {
    for (AccountId envelope : manager.routes.envelopes(old).values()) {
      Account e = settle.ledger.account(envelope).orElseThrow();
      if (e.posted() != 0 || e.reserved() != 0) {
        return true;
      }
    }
    return false;
  }

  /** Applies the plan: null if it committed, else the group's refusal. */
  private @Nullable Refusal apply(Plan plan) {
    if (plan.commands.isEmpty()) {
      return settle.ledger.createWithKeys(List.of(), plan.keys).isEmpty()
          ? null
          : Refusal.ID_REUSED;
    }
    try {
      List<CommandResult> results =
          settle.ledger.submit(LedgerBatch.create().addLinked(plan.commands).withKeys(plan.keys));
      return results.get(0).refusal();
    } catch (KeyExistsException e) {
      return Refusal.ID_REUSED;
    }
  }

  private HolderResult replay(AccountKey op, AccountId into, String reference) {
    if (!op.tag().startsWith(HolderKeys.MERGE) || !op.account().equals(into)) {
      return DefaultHolders.duplicate(reference);
    }
    String[] figures = op.tag().substring(HolderKeys.MERGE.length()).split(":", -1);
    Account after = settle.ledger.account(into).orElseThrow();
    return new Merged(
        money(Long.parseLong(figures[0])),
        Integer.parseInt(figures[1]),
        after.availableBalance(),
        true);
  }

  private Money money(long minor) {
    return Money.of(minor, settle.currency);
  }

  private Instant now() {
    return settle.ledger.clock().instant();
  }

  /** What one attempt will do. */
  private static final class Plan {
    final List<LedgerCommand> commands = new ArrayList<>();
    final List<AccountKey> keys = new ArrayList<>();
    long moved;
    int merged;
  }
}
