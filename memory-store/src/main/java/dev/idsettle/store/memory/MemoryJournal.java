package dev.idsettle.store.memory;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.spi.SealedJournal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a {@link MemoryStore} for {@link MemoryStore#journal()}. Transfers are read by record
 * number; accounts through a sorted copy of their ids, made again when accounts were created since
 * the last page. Thread-safe.
 */
final class MemoryJournal implements SealedJournal {
  private final MemoryStore store;
  private long[] sortedIds = new long[0];
  private int copiedSlots = -1;

  MemoryJournal(MemoryStore store) {
    this.store = store;
  }

  @Override
  public synchronized List<SealedAccount> accounts(long afterId, int limit) {
    long[] ids = sortedIds();
    int from = Arrays.binarySearch(ids, afterId);
    from = from >= 0 ? from + 1 : -from - 1;
    List<SealedAccount> out = new ArrayList<>(Math.max(0, Math.min(limit, ids.length - from)));
    for (int i = from; i < ids.length && out.size() < limit; i++) {
      Account a = store.accounts.find(new AccountId(ids[i]));
      if (a != null) {
        out.add(new SealedAccount(a, null, null));
      }
    }
    return out;
  }

  @Override
  public List<SealedTransfer> transfers(long afterPosition, int limit) {
    int size = store.journal.size();
    long first = Math.max(1, afterPosition + 1);
    List<SealedTransfer> out = new ArrayList<>();
    for (long r = first; r <= size && out.size() < limit; r++) {
      out.add(new SealedTransfer(r, store.journal.read((int) r), null));
    }
    return out;
  }

  private long[] sortedIds() {
    int slots = store.accounts.size();
    if (slots != copiedSlots) {
      long[] ids = new long[slots];
      int n = 0;
      for (int slot = 1; slot <= slots; slot++) {
        long id = store.accounts.idAt(slot);
        if (id > 0) { // a slot being created has no id yet
          ids[n++] = id;
        }
      }
      ids = Arrays.copyOf(ids, n);
      Arrays.sort(ids);
      sortedIds = ids;
      copiedSlots = slots;
    }
    return sortedIds;
  }
}
