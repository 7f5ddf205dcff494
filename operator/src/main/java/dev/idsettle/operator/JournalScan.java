package dev.idsettle.operator;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.spi.LedgerStore;
import dev.idsettle.spi.SealedJournal;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import java.util.List;
import java.util.function.Consumer;

/** Pages through every transfer, then every account, of a store, telling a progress counter. */
final class JournalScan {
  static final int PAGE = 1000;

  private final SealedJournal journal;
  private final Progress progress;
  long accounts;
  long transfers;

  JournalScan(LedgerStore store, Progress progress) {
    this.journal =
        store
            .journal()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "store "
                            + store.getClass().getSimpleName()
                            + " cannot list its rows (LedgerStore.journal() is empty): it cannot be"
                            + " reported on or reconciled"));
    this.progress = progress;
  }

  void transfers(Consumer<Transfer> each) {
    long after = 0;
    while (true) {
      List<SealedTransfer> page = journal.transfers(after, PAGE);
      for (SealedTransfer row : page) {
        each.accept(row.transfer());
        after = row.position();
      }
      transfers += page.size();
      progress.add(page.size());
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  void accounts(Consumer<Account> each) {
    long after = Long.MIN_VALUE;
    while (true) {
      List<SealedAccount> page = journal.accounts(after, PAGE);
      for (SealedAccount row : page) {
        each.accept(row.account());
        after = row.account().id().value();
      }
      accounts += page.size();
      progress.add(page.size());
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
