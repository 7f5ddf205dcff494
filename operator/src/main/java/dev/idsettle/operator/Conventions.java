package dev.idsettle.operator;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Transfer;
import org.jspecify.annotations.Nullable;

/**
 * The names the roles write into the ledger that the reports read back: transfer codes, key tags
 * and the batch anchor's name. They are the roles' stored data (rows written years ago keep them),
 * so they change only with a migration; {@code OperatorReportTest} fails if one drifts.
 */
final class Conventions {
  /** A service's debit: {@code svc:<service>}. */
  static final String DEBIT = "svc:";

  /** A metered session's transfers: {@code meter:<service>}. */
  static final String METER = "meter:";

  /** A move into an ID's envelope for a service by the selector: {@code envelope:<service>}. */
  static final String ENVELOPE = "envelope:";

  /** A slip's value routed to its envelope at sale: {@code route:<service>}. */
  static final String ROUTE = "route:";

  /** An activation at a terminal, debiting its cash. */
  static final String ACTIVATION = "activation";

  /** A slip sale at a terminal, debiting its cash: {@code slip <i>/<n>}. */
  static final String SLIP_SALE = "slip ";

  /** A reversal of an activation, crediting the terminal's cash. */
  static final String REVERSAL = "reversal";

  /** A slip's serial key, owned by its batch's anchor: {@code slip:<serial>}. */
  static final String SERIAL_TAG = "slip:";

  /** A batch's service key, owned by its anchor: {@code svc:<service>}. */
  static final String SERVICE_TAG = "svc:";

  private Conventions() {}

  /** The anchor account of batch {@code prefix}, which owns its keys. */
  static AccountId batchAnchor(String prefix) {
    return AccountId.named("slip-batch:" + prefix);
  }

  /** The service a debit or a metered transfer paid, or null. */
  static @Nullable String paidService(Transfer t) {
    return after(t.code(), DEBIT, METER);
  }

  /** The service whose envelope {@code t} credits, or null. */
  static @Nullable String envelopeService(Transfer t) {
    return after(t.code(), ENVELOPE, ROUTE);
  }

  /** Whether {@code t} takes cash at a terminal (its debit is the terminal's cash account). */
  static boolean takesCash(Transfer t) {
    return t.code().equals(ACTIVATION) || t.code().startsWith(SLIP_SALE);
  }

  private static @Nullable String after(String code, String first, String second) {
    if (code.startsWith(first) && code.length() > first.length()) {
      return code.substring(first.length());
    }
    if (code.startsWith(second) && code.length() > second.length()) {
      return code.substring(second.length());
    }
    return null;
  }
}
