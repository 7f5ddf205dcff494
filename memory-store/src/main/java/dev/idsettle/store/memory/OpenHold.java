package dev.idsettle.store.memory;

import dev.idsettle.ledger.TransferId;
import java.time.Instant;

/** An open hold in timeout order, for the sweep. */
record OpenHold(Instant timeout, TransferId id) implements Comparable<OpenHold> {
  @Override
  public int compareTo(OpenHold o) {
    int c = timeout.compareTo(o.timeout);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
