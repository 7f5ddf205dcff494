package dev.idsettle.ledger;

import dev.idsettle.ledger.LedgerCommand.StateChange;
import dev.idsettle.ledger.LedgerCommand.Tombstone;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.spi.LedgerTx.Changes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Judges the commands of one batch against the locked accounts, in order, and collects the writes.
 * All the rules of the ledger are here; a store only persists {@link #changes()}. Not thread-safe:
 * one judge per batch, inside the batch's transaction.
 */
final class BatchJudge {
  private final Instant now;
  private final Map<AccountId, Account> original;
  private final Map<TransferId, Transfer> stored;
  private final int expected;
  // created on first use, and sized for the batch: most batches are one transfer
  private @Nullable SmallMap<AccountId, Account> images;
  private @Nullable SmallMap<TransferId, Transfer> inserts;
  private @Nullable SmallMap<TransferId, Transfer> resolved;
  // null outside a linked group of several commands: see judgeGroup
  private @Nullable Deque<Runnable> undo;
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
    this.original = locked;
    this.stored = existing;
    this.expected = Math.max(1, expected);
  }

  /** Refuses a credit that would take an ID's posted balance above {@code max}. */
  BatchJudge maxIdBalance(long max) {
    this.maxIdBalance = max;
    return this;
  }

  /** Releases the open holds among {@code holds} whose timeout has passed. */
  void expireDue(Collection<Transfer> holds) {
    if (holds.isEmpty()) {
      return;
    }
    for (Transfer hold : holds) {
      Transfer current = transfer(hold.id());
      if (current != null && isDue(current)) {
        expire(current);
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

  Changes changes() {
    SmallMap<AccountId, Account> touched = images;
    List<Account> changed = touched == null ? List.of() : touched.values();
    for (int i = 0; i < changed.size(); i++) {
      // a hold and its void in one batch leave the account as it was: nothing to write
      if (unchanged(changed.get(i))) {
        changed = differing(changed);
        break;
      }
    }
    return new Changes(changed, valuesOf(inserts), valuesOf(resolved));
  }

  /** The images among {@code images} that differ from the account as locked. */
  private List<Account> differing(List<Account> images) {
    List<Account> changed = new ArrayList<>(images.size());
    for (Account a : images) {
      if (!unchanged(a)) {
        changed.add(a);
      }
    }
    return changed;
  }

  /**
   * Whether {@code image} equals the account as locked. An image is made by {@link Account#with},
   * which changes only the state, the balances and the expiry, so only those are compared: the
   * record's own {@code equals} compares all nine components and cost more than the judging.
   */
  private boolean unchanged(Account image) {
    Account locked = original.get(image.id());
    return locked != null && sameJudgedFields(image, locked);
  }

  /**
   * Whether two images of one account agree in every field a batch can change (and so judges by):
   * state, balances, expiry instant.
   */
  static boolean sameJudgedFields(Account a, Account b) {
    return a.posted() == b.posted()
        && a.reserved() == b.reserved()
        && a.state() == b.state()
        && Objects.equals(a.expiresAt(), b.expiresAt());
  }

  private static List<Transfer> valuesOf(@Nullable SmallMap<TransferId, Transfer> map) {
    return map == null ? List.of() : map.values();
  }

  /**
   * Every apply method checks everything before it changes anything, so a lone command that is
   * refused has changed nothing; only in a linked group of several must the changes of the commands
   * before the refused one be undone.
   */
  private void judgeGroup(List<LedgerCommand> group, List<CommandResult> results) {
    if (replayOf(group, results)) {
      return;
    }
    int size = group.size();
    int first = results.size();
    undo = size > 1 ? new ArrayDeque<>(4 * size) : null;
    for (int i = 0; i < size; i++) {
      LedgerCommand command = group.get(i);
      Refusal refusal = apply(command);
      if (refusal != null) {
        rollback();
        // the commands before this one are refused with the group
        results.subList(first, results.size()).clear();
        refuseGroup(group, refusal, results);
        return;
      }
      results.add(resultOf(command, null, false));
    }
    undo = null;
  }

  private void rollback() {
    Deque<Runnable> log = undo;
    undo = null;
    if (log != null) {
      while (!log.isEmpty()) {
        log.pop().run();
      }
    }
  }

  private void refuseGroup(List<LedgerCommand> group, Refusal refusal, List<CommandResult> out) {
    for (int i = 0; i < group.size(); i++) {
      LedgerCommand command = group.get(i);
      if (refusal.recorded()) {
        recordRefusal(command, refusal);
      }
      out.add(resultOf(command, refusal, false));
    }
  }

  private void recordRefusal(LedgerCommand command, Refusal refusal) {
    if (command instanceof TransferCommand t) {
      AccountId debit = t.debit();
      AccountId credit = t.credit();
      Transfer hold = t.pendingId() == null ? null : transfer(t.pendingId());
      if (hold != null) {
        debit = hold.debit();
        credit = hold.credit();
      }
      if (debit != null && credit != null) {
        Duration holdTimeout = t.holdTimeout();
        insert(
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
      insert(tombstoneRow(t, refusal));
    }
  }

  /**
   * Adds the original results of {@code group} if all its commands were seen before, or ID_REUSED
   * for each if some were and some were not (or with other content); false if none was.
   */
  private boolean replayOf(List<LedgerCommand> group, List<CommandResult> out) {
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
      Transfer existing = transfer(id);
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
      Transfer existing = id == null ? null : transfer(id);
      Refusal refusal = existing != null ? existing.refusal() : groupRefusal;
      if (command instanceof Tombstone && refusal == Refusal.REVERSED) {
        // the tombstone itself was applied: barring the id is its success
        refusal = null;
      }
      out.add(resultWith(command, refusal, existing, true));
    }
    return true;
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

  private @Nullable Refusal apply(LedgerCommand command) {
    if (command instanceof TransferCommand t) {
      return switch (t.kind()) {
        case POST, HOLD -> applyMove(t);
        case CAPTURE, VOID -> applyResolution(t);
        case EXPIRE -> throw new IllegalStateException("EXPIRE is never submitted");
      };
    }
    if (command instanceof StateChange s) {
      return applyStateChange(s);
    }
    Tombstone t = (Tombstone) command;
    if (account(t.debit()) == null || account(t.credit()) == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    insert(tombstoneRow(t, Refusal.REVERSED));
    return null;
  }

  /** The row that bars a tombstone's id: moves nothing, carries the refusal. */
  private Transfer tombstoneRow(Tombstone t, Refusal refusal) {
    return new Transfer(
        t.id(),
        t.debit(),
        t.credit(),
        0,
        TransferKind.POST,
        null,
        null,
        HoldState.NONE,
        refusal,
        t.code(),
        now);
  }

  private @Nullable Refusal applyMove(TransferCommand t) {
    AccountId debitId = Objects.requireNonNull(t.debit());
    AccountId creditId = Objects.requireNonNull(t.credit());
    if (t.amount() <= 0) {
      return Refusal.INVALID_AMOUNT;
    }
    if (debitId.equals(creditId)) {
      return Refusal.SAME_ACCOUNT;
    }
    Account debit = account(debitId);
    Account credit = account(creditId);
    if (debit == null || credit == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    if (!debit.currency().equals(credit.currency())) {
      return Refusal.CURRENCY_MISMATCH;
    }
    Refusal refusal = checkDebit(debit, t.amount());
    if (refusal == null) {
      refusal = checkCredit(credit);
    }
    if (refusal != null) {
      return refusal;
    }
    boolean hold = t.kind() == TransferKind.HOLD;
    long debitPosted;
    long debitReserved;
    long creditPosted;
    try {
      debitPosted = hold ? debit.posted() : Math.subtractExact(debit.posted(), t.amount());
      debitReserved = hold ? Math.addExact(debit.reserved(), t.amount()) : debit.reserved();
      creditPosted = hold ? credit.posted() : Math.addExact(credit.posted(), t.amount());
    } catch (ArithmeticException e) {
      return Refusal.OVERFLOW;
    }
    if (!hold && overLimit(credit, creditPosted)) {
      return Refusal.BALANCE_LIMIT;
    }
    put(withUse(debit, debitPosted, debitReserved));
    if (!hold) {
      put(credited(credit, creditPosted));
    }
    insert(
        new Transfer(
            t.id(),
            debitId,
            creditId,
            t.amount(),
            t.kind(),
            null,
            hold ? now.plus(Objects.requireNonNull(t.holdTimeout())) : null,
            hold ? HoldState.OPEN : HoldState.NONE,
            null,
            t.code(),
            now,
            t.description()));
    return null;
  }

  private @Nullable Refusal applyResolution(TransferCommand t) {
    Transfer hold = transfer(Objects.requireNonNull(t.pendingId()));
    if (hold == null || hold.kind() != TransferKind.HOLD || !hold.applied()) {
      return Refusal.HOLD_NOT_FOUND;
    }
    if (hold.holdState() == HoldState.EXPIRED) {
      return Refusal.HOLD_EXPIRED;
    }
    if (hold.holdState() != HoldState.OPEN) {
      return Refusal.HOLD_ALREADY_RESOLVED;
    }
    Account debit = account(hold.debit());
    Account credit = account(hold.credit());
    if (debit == null || credit == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    boolean capture = t.kind() == TransferKind.CAPTURE;
    if (capture) {
      if (t.amount() <= 0) {
        return Refusal.INVALID_AMOUNT;
      }
      if (t.amount() > hold.amount()) {
        return Refusal.CAPTURE_EXCEEDS_HOLD;
      }
      Refusal refusal = checkCredit(credit);
      if (refusal != null) {
        return refusal;
      }
      long creditPosted;
      try {
        creditPosted = Math.addExact(credit.posted(), t.amount());
      } catch (ArithmeticException e) {
        return Refusal.OVERFLOW;
      }
      if (overLimit(credit, creditPosted)) {
        return Refusal.BALANCE_LIMIT;
      }
      put(settled(debit, debit.posted() - t.amount(), debit.reserved() - hold.amount()));
      put(credited(credit, creditPosted));
    } else {
      put(
          debit.with(
              debit.state(), debit.posted(), debit.reserved() - hold.amount(), debit.expiresAt()));
    }
    resolve(hold, capture ? HoldState.CAPTURED : HoldState.VOIDED);
    insert(
        new Transfer(
            t.id(),
            hold.debit(),
            hold.credit(),
            t.amount(),
            t.kind(),
            hold.id(),
            null,
            HoldState.NONE,
            null,
            t.code(),
            now,
            t.description()));
    return null;
  }

  private @Nullable Refusal applyStateChange(StateChange s) {
    Account account = account(s.account());
    if (account == null) {
      return Refusal.ACCOUNT_NOT_FOUND;
    }
    AccountState current = account.effectiveState(now);
    if (!s.from().contains(current)) {
      return current == s.to() && s.to() == AccountState.ACTIVE
          ? Refusal.ALREADY_ACTIVE
          : Refusal.forState(current);
    }
    if (s.requireEmpty() && (account.posted() != 0 || account.reserved() != 0)) {
      return Refusal.NOT_EMPTY;
    }
    Instant expiresAt = account.expiresAt();
    if (s.to() == AccountState.ACTIVE && expiresAt == null) {
      expiresAt = account.expiry().onActivation(now);
    }
    if (s.to() == AccountState.ISSUED) {
      expiresAt = null;
    }
    put(account.with(s.to(), account.posted(), account.reserved(), expiresAt));
    return null;
  }

  private @Nullable Refusal checkDebit(Account debit, long amount) {
    if (!debit.mustNotOverdraw()) {
      return null;
    }
    AccountState state = debit.effectiveState(now);
    if (state != AccountState.ACTIVE) {
      return Refusal.forState(state);
    }
    return debit.available() < amount ? Refusal.INSUFFICIENT_FUNDS : null;
  }

  /**
   * The one rule of the balance limit: an ID (an account that must not overdraw) stays under it.
   */
  private boolean overLimit(Account credit, long posted) {
    return credit.mustNotOverdraw() && posted > maxIdBalance;
  }

  private @Nullable Refusal checkCredit(Account credit) {
    if (!credit.mustNotOverdraw()) {
      return null;
    }
    AccountState state = credit.effectiveState(now);
    return state == AccountState.ACTIVE || state == AccountState.EXHAUSTED
        ? null
        : Refusal.forState(state);
  }

  /** The debit account after spending: first use fixes a first-use expiry; zero exhausts it. */
  private Account withUse(Account debit, long posted, long reserved) {
    Instant expiresAt = debit.expiresAt();
    if (debit.mustNotOverdraw() && expiresAt == null) {
      expiresAt = debit.expiry().onFirstUse(now);
    }
    return settled(debit, posted, reserved, expiresAt);
  }

  private static Account settled(Account a, long posted, long reserved) {
    return settled(a, posted, reserved, a.expiresAt());
  }

  private static Account settled(
      Account a, long posted, long reserved, @Nullable Instant expiresAt) {
    AccountState state = a.state();
    if (a.mustNotOverdraw() && state == AccountState.ACTIVE && posted == 0) {
      state = AccountState.EXHAUSTED;
    }
    return a.with(state, posted, reserved, expiresAt);
  }

  private static Account credited(Account a, long posted) {
    AccountState state = a.state();
    if (state == AccountState.EXHAUSTED && posted > 0) {
      state = AccountState.ACTIVE;
    }
    return a.with(state, posted, a.reserved(), a.expiresAt());
  }

  private boolean isDue(Transfer t) {
    Instant timeout = t.timeout();
    return t.kind() == TransferKind.HOLD
        && t.holdState() == HoldState.OPEN
        && timeout != null
        && !now.isBefore(timeout);
  }

  private void expire(Transfer hold) {
    Account debit = account(hold.debit());
    if (debit == null) {
      return;
    }
    put(
        debit.with(
            debit.state(), debit.posted(), debit.reserved() - hold.amount(), debit.expiresAt()));
    resolve(hold, HoldState.EXPIRED);
    insert(
        new Transfer(
            expiryIdOf(hold.id()),
            hold.debit(),
            hold.credit(),
            0,
            TransferKind.EXPIRE,
            hold.id(),
            null,
            HoldState.NONE,
            null,
            "expire",
            now));
  }

  /** The id of the transfer that records hold {@code holdId} timing out. */
  static TransferId expiryIdOf(TransferId holdId) {
    return TransferId.derive("idsettle:expire", holdId.toString());
  }

  private @Nullable Transfer transfer(TransferId id) {
    Transfer t = inserts == null ? null : inserts.get(id);
    if (t != null) {
      return t;
    }
    t = resolved == null ? null : resolved.get(id);
    return t != null ? t : stored.get(id);
  }

  /** The account's image as judged so far, or null if it is not locked (does not exist). */
  private @Nullable Account account(AccountId id) {
    Account a = images == null ? null : images.get(id);
    return a != null ? a : original.get(id);
  }

  private void put(Account next) {
    SmallMap<AccountId, Account> map = images;
    if (map == null) {
      map = images = new SmallMap<>(2 * expected);
    }
    Account previous = map.put(next.id(), next);
    Deque<Runnable> log = undo;
    if (log != null) {
      SmallMap<AccountId, Account> touched = map;
      log.push(
          () -> {
            if (previous == null) {
              touched.remove(next.id());
            } else {
              touched.put(next.id(), previous);
            }
          });
    }
  }

  private void insert(Transfer t) {
    SmallMap<TransferId, Transfer> map = inserts;
    if (map == null) {
      map = inserts = new SmallMap<>(expected);
    }
    map.put(t.id(), t);
    Deque<Runnable> log = undo;
    if (log != null) {
      SmallMap<TransferId, Transfer> inserted = map;
      log.push(() -> inserted.remove(t.id()));
    }
  }

  private void resolve(Transfer hold, HoldState state) {
    Transfer next = hold.withHoldState(state);
    SmallMap<TransferId, Transfer> inserted = inserts;
    Deque<Runnable> log = undo;
    if (inserted != null && inserted.containsKey(hold.id())) {
      inserted.put(hold.id(), next);
      if (log != null) {
        log.push(() -> inserted.put(hold.id(), hold));
      }
      return;
    }
    SmallMap<TransferId, Transfer> map = resolved;
    if (map == null) {
      map = resolved = new SmallMap<>(4);
    }
    Transfer previous = map.put(hold.id(), next);
    if (log != null) {
      SmallMap<TransferId, Transfer> done = map;
      log.push(
          () -> {
            if (previous == null) {
              done.remove(hold.id());
            } else {
              done.put(hold.id(), previous);
            }
          });
    }
  }

  private CommandResult resultOf(
      LedgerCommand command, @Nullable Refusal refusal, boolean replayed) {
    TransferId id = idOf(command);
    return resultWith(command, refusal, id == null ? null : transfer(id), replayed);
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
      Transfer hold = c.pendingId() == null ? null : transfer(c.pendingId());
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
        debit == null ? null : account(debit),
        credit == null ? null : account(credit));
  }
}
