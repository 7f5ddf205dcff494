package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rules of idempotency: a transfer id seen before replays its original answer, with other
 * content it is refused {@code ID_REUSED}; a refused id is recorded so that it stays refused. Also
 * builds each command's result from the write set.
 */
final class Replays {
  private final Instant now;
  private final WriteSet writes;

  Replays(Instant now, WriteSet writes) {
    this.now = now;
    this.writes = writes;
  }

  /**
   * Adds the original results of {@code group} if all its commands were seen before, or ID_REUSED
   * for each if some were and some were not (or with other content); false if none was.
   */
  boolean replayOf(List<LedgerCommand> group, List<CommandResult> out) {
    int seen = 0;
    int keyed = 0;
    boolean mismatch = false;
    Refusal groupRefusal = null;
    int size = group.size();
    for (int i = 0; i < size; i++) {
      LedgerCommand command = group.get(i);
      TransferId id = idOf(command);
      if (id == null) {
        continue;
      }
      keyed++;
      Transfer existing = writes.transfer(id);
      if (existing != null) {
        seen++;
        mismatch |= !sameContent(command, existing);
        if (existing.refusal() != null) {
          groupRefusal = existing.refusal();
        }
      }
    }
    if (seen == 0) {
      return false;
    }
    if (mismatch || seen != keyed) {
      for (int i = 0; i < size; i++) {
        out.add(resultOf(group.get(i), Refusal.ID_REUSED, false));
      }
      return true;
    }
    for (int i = 0; i < size; i++) {
      LedgerCommand command = group.get(i);
      TransferId id = idOf(command);
      Transfer existing = id == null ? null : writes.transfer(id);
      Refusal refusal = existing != null ? existing.refusal() : groupRefusal;
      if (command instanceof Tombstone && refusal == Refusal.REVERSED) {
        // the tombstone itself was applied: barring the id is its success
        refusal = null;
      }
      out.add(resultWith(command, refusal, existing, true));
    }
    return true;
  }

  /** Records a refused command's id (when its refusal is recorded) so that a retry replays it. */
  void recordRefusal(LedgerCommand command, Refusal refusal) {
    if (command instanceof TransferCommand t) {
      AccountId debit = t.debit();
      AccountId credit = t.credit();
      Transfer hold = t.pendingId() == null ? null : writes.transfer(t.pendingId());
      if (hold != null) {
        debit = hold.debit();
        credit = hold.credit();
      }
      if (debit != null && credit != null) {
        Duration holdTimeout = t.holdTimeout();
        writes.insert(
            new Transfer(
                t.id(),
                debit,
                credit,
                t.amount(),
                t.kind(),
                t.pendingId(),
                holdTimeout == null ? null : now.plus(holdTimeout),
                HoldState.NONE,
                refusal,
                t.code(),
                now,
                t.description()));
      }
    } else if (command instanceof Tombstone t) {
      writes.insert(LifecycleRules.tombstoneRow(t, refusal, now));
    }
  }

  /** The result of {@code command} as judged so far. */
  CommandResult resultOf(LedgerCommand command, @Nullable Refusal refusal, boolean replayed) {
    TransferId id = idOf(command);
    return resultWith(command, refusal, id == null ? null : writes.transfer(id), replayed);
  }

  private CommandResult resultWith(
      LedgerCommand command, @Nullable Refusal refusal, @Nullable Transfer t, boolean replayed) {
    AccountId debit = null;
    AccountId credit = null;
    if (t != null) {
      debit = t.debit();
      credit = t.credit();
    } else if (command instanceof TransferCommand c) {
      debit = c.debit();
      credit = c.credit();
      Transfer hold = c.pendingId() == null ? null : writes.transfer(c.pendingId());
      if (hold != null) {
        debit = hold.debit();
        credit = hold.credit();
      }
    } else if (command instanceof StateChange s) {
      debit = s.account();
    }
    return new CommandResult(
        command,
        refusal,
        t,
        replayed,
        debit == null ? null : writes.account(debit),
        credit == null ? null : writes.account(credit));
  }

  private static @Nullable TransferId idOf(LedgerCommand command) {
    if (command instanceof TransferCommand t) {
      return t.id();
    }
    if (command instanceof Tombstone t) {
      return t.id();
    }
    return null;
  }

  private static boolean sameContent(LedgerCommand command, Transfer existing) {
    if (existing.refusal() == Refusal.REVERSED || command instanceof Tombstone) {
      return true;
    }
    TransferCommand t = (TransferCommand) command;
    boolean accountsMatch =
        t.pendingId() != null
            ? t.pendingId().equals(existing.pendingId())
            : Objects.equals(t.debit(), existing.debit())
                && Objects.equals(t.credit(), existing.credit());
    return accountsMatch
        && t.kind() == existing.kind()
        && t.amount() == existing.amount()
        && t.code().equals(existing.code())
        && Objects.equals(t.description(), existing.description())
        && Objects.equals(t.holdTimeout(), holdTimeoutOf(existing));
  }

  /** The timeout a hold was submitted with (a store keeps it as an instant). */
  private static @Nullable Duration holdTimeoutOf(Transfer t) {
    Instant timeout = t.timeout();
    return t.kind() != TransferKind.HOLD || timeout == null
        ? null
        : Duration.between(t.timestamp(), timeout);
  }
}
