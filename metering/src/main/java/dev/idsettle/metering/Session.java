package dev.idsettle.metering;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.LedgerBatch;
import dev.idsettle.ledger.LedgerCommand.TransferCommand;
import dev.idsettle.ledger.TransferId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One session's state; every field is guarded by the session's monitor. */
final class Session {
  enum State {
    /** Granted and metering. */
    ACTIVE,
    /** Over for the client, but its last step is not yet in the ledger. */
    ENDING,
    /** Over and recorded; kept a while to answer repeated requests. */
    ENDED
  }

  final OpenRequest request;
  final AccountId account;
  final Instant start;
  State state = State.ACTIVE;

  /** Units confirmed, and their charge (collected, or in a pending step). */
  long used;

  long charged;

  /** What the ledger confirmed collecting, and by which transfers. */
  long collected;

  final List<TransferId> captures = new ArrayList<>();

  /** The same transfers as {@link #captures}, as the record writes them. */
  final CaptureMarks marks = new CaptureMarks();

  /** The final record, once a transfer that carries it was applied. */
  @Nullable CallRecord recorded;

  /** Whether a transfer under the record's id was submitted (then a late record takes another). */
  boolean recordTaken;

  /** A record that moves nothing, not yet in the ledger (it was away): written by supervise. */
  @Nullable LedgerBatch pendingRecord;

  /** The current grant: its number, its hold (null when it cost nothing more), where it ends. */
  long grant;

  @Nullable TransferId hold;
  long holdAmount;
  long grantEnd;
  Instant validUntil;
  Instant holdTimeout;

  /** The ID's available balance as the ledger last showed it. */
  long lastAvailable;

  boolean warned;
  long lastSeq = -1;
  SessionAnswer.@Nullable Ended ended;
  @Nullable SessionAnswer lastAnswer;

  /** Commands submitted whose outcome is unknown: submitted again, unchanged, before anything. */
  @Nullable Step pending;

  Outcome endOutcome = Outcome.COMPLETED;

  /** While the ledger is away: the usage last reported, and where the reservations ended. */
  long finalUsed;

  long continueFrom = -1;
  Instant endedAt;

  Session(OpenRequest request, AccountId account, Instant start) {
    this.request = request;
    this.account = account;
    this.start = start;
    this.validUntil = start;
    this.holdTimeout = start;
    this.endedAt = start;
  }

  String id() {
    return request.sessionId();
  }

  /**
   * One submission: settle the current hold (capture the used part, or void it), post usage beyond
   * it (failure handling CONTINUE), reserve the next grant. Each is its own group of the batch. The
   * captures and the post carry the session's record as of them; {@code record} is the final record
   * when the settlement carries it.
   */
  record Step(
      @Nullable TransferCommand settle,
      long settleAmount,
      @Nullable TransferCommand excess,
      @Nullable TransferCommand hold,
      long used,
      long charged,
      long planEnd,
      @Nullable CallRecord record) {
    List<TransferCommand> commands() {
      List<TransferCommand> list = new ArrayList<>(3);
      if (settle != null) {
        list.add(settle);
      }
      if (excess != null) {
        list.add(excess);
      }
      if (hold != null) {
        list.add(hold);
      }
      return list;
    }
  }
}
