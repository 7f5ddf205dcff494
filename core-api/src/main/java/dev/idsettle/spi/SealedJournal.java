package dev.idsettle.spi;

import dev.idsettle.internal.Checks;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.Transfer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a sealing store as they are, seals included, for {@link
 * dev.idsettle.audit.LedgerAudit}: read outside any transaction, page by page, never judged. See
 * {@link Sealer}.
 */
public interface SealedJournal {

  /** Up to {@code limit} accounts with ids above {@code afterId}, in ascending id order. */
  List<SealedAccount> accounts(long afterId, int limit);

  /**
   * Up to {@code limit} transfers written after position {@code afterPosition} (0 for the first),
   * in the order they were written: the order their seals were chained in.
   */
  List<SealedTransfer> transfers(long afterPosition, int limit);

  /**
   * An account row.
   *
   * @param account the account as stored
   * @param head its chain head: the seal of the last sealed transfer on it, or null if none
   * @param seal the seal of the image and head, or null if it was never sealed
   */
  @SuppressWarnings("ArrayRecordComponent") // a row handed to the audit, never compared or kept
  record SealedAccount(Account account, byte @Nullable [] head, byte @Nullable [] seal) {
    /** Requires the account (a canonical constructor written out: its arrays may be null). */
    public SealedAccount(Account account, byte @Nullable [] head, byte @Nullable [] seal) {
      this.account = Checks.notNull(account, "account");
      this.head = head;
      this.seal = seal;
    }
  }

  /**
   * A transfer row.
   *
   * @param position its place in the written order (ascending, with gaps)
   * @param transfer the transfer as stored
   * @param seal its seal, or null if written without one
   */
  @SuppressWarnings("ArrayRecordComponent") // a row handed to the audit, never compared or kept
  record SealedTransfer(long position, Transfer transfer, byte @Nullable [] seal) {
    /** Requires the transfer (a canonical constructor written out: its seal may be null). */
    public SealedTransfer(long position, Transfer transfer, byte @Nullable [] seal) {
      this.position = position;
      this.transfer = Checks.notNull(transfer, "transfer");
      this.seal = seal;
    }
  }
}
