package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.spi.LedgerTx.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Judges the commands of one batch against the locked accounts, in order, and collects the writes.
 * The rules live in {@link MoveRules} (moves and holds), {@link LifecycleRules} (states and
 * tombstones) and {@link Replays} (idempotency); the writes in a {@link WriteSet}. A store only
 * persists {@link #changes()}. Not thread-safe: one judge per batch, inside the batch's
 * transaction.
 */
final class BatchJudge {
  private final Instant now;
  private final WriteSet writes;
  private final Replays replays;
  private final LifecycleRules lifecycle;
  private @Nullable MoveRules moves;
  private long maxIdBalance = Long.MAX_VALUE;

  /**
   * A judge over the {@code locked} accounts and the {@code existing} transfers, for about {@code
   * expected} commands (a sizing hint).
   */
  BatchJudge(
      Instant now,
      Map<AccountId, Account> locked,
      Map<TransferId, Transfer> existing,
      int expected) {
    this.now = now;
    this.writes = new WriteSet(locked, existing, expected);
    this.replays = new Replays(now, writes);
    this.lifecycle = new LifecycleRules(now, writes);
  }

  /** Refuses a credit that would take an ID's posted balance above {@code max}. */
  BatchJudge maxIdBalance(long max) {
    this.maxIdBalance = max;
    this.moves = null;
    return this;
  }

  /** Releases the open holds among {@code holds} whose timeout has passed. */
  void expireDue(Collection<Transfer> holds) {
    if (holds.isEmpty()) {
      return;
    }
    MoveRules rules = moves();
    for (Transfer hold : holds) {
      Transfer current = writes.transfer(hold.id());
      if (current != null && rules.isDue(current)) {
        rules.expire(current);
      }
    }
  }

  /** One result per command of {@code groups}, which hold {@code commands} commands in all. */
  List<CommandResult> judge(List<List<LedgerCommand>> groups, int commands) {
    List<CommandResult> results = new ArrayList<>(commands);
    for (int i = 0; i < groups.size(); i++) {
      judgeGroup(groups.get(i), results);
    }
    return results;
  }

  /** What the store must write. */
  Changes changes() {
    return writes.changes();
  }

  /**
   * Every rule checks everything before it changes anything, so a lone command that is refused has
   * changed nothing; only in a linked group of several must the changes of the commands before the
   * refused one be undone.
   */
  private void judgeGroup(List<LedgerCommand> group, List<CommandResult> results) {
    if (replays.replayOf(group, results)) {
      return;
    }
    int size = group.size();
    int first = results.size();
    writes.beginGroup(size);
    for (int i = 0; i < size; i++) {
      LedgerCommand command = group.get(i);
      Refusal refusal = apply(command);
      if (refusal != null) {
        writes.rollbackGroup();
        // the commands before this one are refused with the group
        results.subList(first, results.size()).clear();
        refuseGroup(group, refusal, results);
        return;
      }
      results.add(replays.resultOf(command, null, false));
    }
    writes.commitGroup();
  }

  private void refuseGroup(List<LedgerCommand> group, Refusal refusal, List<CommandResult> out) {
    for (int i = 0; i < group.size(); i++) {
      LedgerCommand command = group.get(i);
      if (refusal.recorded()) {
        replays.recordRefusal(command, refusal);
      }
      out.add(replays.resultOf(command, refusal, false));
    }
  }

  private @Nullable Refusal apply(LedgerCommand command) {
    if (command instanceof TransferCommand t) {
      return switch (t.kind()) {
        case POST, HOLD -> moves().move(t);
        case CAPTURE, VOID -> moves().resolution(t);
        case EXPIRE -> throw new IllegalStateException("EXPIRE is never submitted");
      };
    }
    if (command instanceof StateChange s) {
      return lifecycle.stateChange(s);
    }
    return lifecycle.tombstone((Tombstone) command);
  }

  private MoveRules moves() {
    MoveRules rules = moves;
    if (rules == null) {
      rules = moves = new MoveRules(now, writes, maxIdBalance);
    }
    return rules;
  }
}
