package dev.idsettle.store.memory;

import dev.idsettle.ledger.TransferId;
import java.util.Arrays;
import java.util.List;

/**
 * The ids of one account's transfers in the order written. Appends happen under the account's lock.
 */
final class TransferLog {
  private TransferId[] ids = new TransferId[2];
  private int size;

  synchronized void append(TransferId id) {
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size++] = id;
  }

  synchronized List<TransferId> page(int offset, int limit) {
    if (offset >= size || limit <= 0) {
      return List.of();
    }
    int end = (int) Math.min(size, (long) offset + limit);
    return List.of(Arrays.copyOfRange(ids, offset, end));
  }

  synchronized List<TransferId> all() {
    return List.of(Arrays.copyOf(ids, size));
  }
}
