package dev.idsettle.ledger;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.internal.Checks;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One thing a {@link LedgerBatch} asks of the ledger. */
public sealed interface LedgerCommand {

  /**
   * Moves or reserves value. Build with {@link #post}, {@link #hold}, {@link #capture} or {@link
   * #voidHold}.
   *
   * @param id idempotency key
   * @param kind {@link TransferKind#POST}, {@code HOLD}, {@code CAPTURE} or {@code VOID}
   * @param debit source account (null for a capture or void: the hold's)
   * @param credit destination account (null for a capture or void: the hold's)
   * @param amount minor units (0 for a void)
   * @param pendingId the hold a capture or void resolves
   * @param holdTimeout how long a hold lives before the ledger voids it
   * @param code the caller's label, at most 64 characters
   * @param description what a person reads later about the transfer, stored with it (see {@link
   *     Description}), or null
   */
  record TransferCommand(
      TransferId id,
      TransferKind kind,
      @Nullable AccountId debit,
      @Nullable AccountId credit,
      long amount,
      @Nullable TransferId pendingId,
      @Nullable Duration holdTimeout,
      String code,
      @Nullable Description description)
      implements LedgerCommand {
    /** Checks the shape; amounts and accounts are judged by the ledger. */
    public TransferCommand {
      Checks.notNull(id, "id");
      Checks.notNull(kind, "kind");
      Checks.notNull(code, "code");
      if (code.length() > 64) {
        throw new InvalidRequestException("code is longer than 64 characters");
      }
      switch (kind) {
        case POST, HOLD -> {
          if (debit == null || credit == null) {
            throw new InvalidRequestException(kind + " needs a debit and a credit account");
          }
          if (kind == TransferKind.HOLD
              && (holdTimeout == null || holdTimeout.isNegative() || holdTimeout.isZero())) {
            throw new InvalidRequestException("a hold needs a positive timeout");
          }
        }
        case CAPTURE, VOID -> {
          if (pendingId == null) {
            throw new InvalidRequestException(kind + " needs the id of the hold it resolves");
          }
        }
        case EXPIRE -> throw new InvalidRequestException("only the ledger writes EXPIRE");
      }
    }

    /** A command without a description. */
    public TransferCommand(
        TransferId id,
        TransferKind kind,
        @Nullable AccountId debit,
        @Nullable AccountId credit,
        long amount,
        @Nullable TransferId pendingId,
        @Nullable Duration holdTimeout,
        String code) {
      this(id, kind, debit, credit, amount, pendingId, holdTimeout, code, null);
    }

    /**
     * This command with {@code description}, which the store writes with the transfer in the same
     * transaction (also when the transfer is refused and recorded).
     */
    public TransferCommand describedAs(Description description) {
      Checks.notNull(description, "description");
      return new TransferCommand(
          id, kind, debit, credit, amount, pendingId, holdTimeout, code, description);
    }
  }

  /**
   * Changes an account's lifecycle state if it is in one of {@code from}.
   *
   * @param account the account
   * @param from states it may be in (judged on the effective state, so an expired account is {@link
   *     AccountState#EXPIRED})
   * @param to the new state
   * @param requireEmpty refuse with {@link Refusal#NOT_EMPTY} unless balance and holds are zero
   */
  record StateChange(
      AccountId account, Set<AccountState> from, AccountState to, boolean requireEmpty)
      implements LedgerCommand {
    /** Copies {@code from}. */
    public StateChange {
      Checks.notNull(account, "account");
      from = Set.copyOf(Checks.notNull(from, "from"));
      Checks.notNull(to, "to");
    }
  }

  /**
   * Records {@code id} as refused with {@link Refusal#REVERSED} before the transfer arrives, so a
   * late transfer with that id is refused. If the id exists already, this is a replay of it.
   *
   * @param id the transfer id to bar
   * @param debit the debit account the barred transfer would have had
   * @param credit its credit account
   * @param code the caller's label
   */
  record Tombstone(TransferId id, AccountId debit, AccountId credit, String code)
      implements LedgerCommand {
    /** Requires every field. */
    public Tombstone {
      Checks.notNull(id, "id");
      Checks.notNull(debit, "debit");
      Checks.notNull(credit, "credit");
      Checks.notNull(code, "code");
    }
  }

  /** Moves {@code amount} from {@code debit} to {@code credit} at once. */
  static TransferCommand post(
      TransferId id, AccountId debit, AccountId credit, long amount, String code) {
    return new TransferCommand(id, TransferKind.POST, debit, credit, amount, null, null, code);
  }

  /** Reserves {@code amount} on {@code debit} for {@code credit} until {@code timeout}. */
  static TransferCommand hold(
      TransferId id,
      AccountId debit,
      AccountId credit,
      long amount,
      Duration timeout,
      String code) {
    return new TransferCommand(id, TransferKind.HOLD, debit, credit, amount, null, timeout, code);
  }

  /**
   * Moves {@code amount} (at most the held amount) of hold {@code pendingId}; releases the rest. A
   * capture honours the reservation even if the ID was blocked or expired after the hold was
   * placed: the service it paid for was delivered under it.
   */
  static TransferCommand capture(TransferId id, TransferId pendingId, long amount, String code) {
    return new TransferCommand(id, TransferKind.CAPTURE, null, null, amount, pendingId, null, code);
  }

  /** Releases hold {@code pendingId}. */
  static TransferCommand voidHold(TransferId id, TransferId pendingId, String code) {
    return new TransferCommand(id, TransferKind.VOID, null, null, 0, pendingId, null, code);
  }

  /** Changes {@code account}'s state from one of {@code from} to {@code to}. */
  static StateChange changeState(AccountId account, Set<AccountState> from, AccountState to) {
    return new StateChange(account, from, to, false);
  }
}
