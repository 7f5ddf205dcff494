package dev.idsettle.ledger;

import dev.idsettle.IdSettleException;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit: one committer thread takes the batches submitted concurrently by any number of
 * threads and applies as many as fit into one store transaction while the previous commit is in
 * flight. When idle it waits on the queue, so a lone request goes through at once; a batch is never
 * bigger than what is queued, nor than {@code maxCommands}. Each caller's groups keep their own
 * results, their order and their idempotency: combining independent groups changes no outcome, it
 * only shares the round trips and the commit.
 */
final class GroupCommitter implements AutoCloseable {
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Function<List<List<LedgerCommand>>, List<CommandResult>> sink;
  private final int maxCommands;
  private final GroupCommitListener listener;
  private final Thread thread;
  private volatile boolean closed;

  GroupCommitter(
      Function<List<List<LedgerCommand>>, List<CommandResult>> sink,
      int maxCommands,
      GroupCommitListener listener) {
    this.sink = sink;
    this.maxCommands = maxCommands;
    this.listener = listener;
    this.thread = new Thread(this::run, "idsettle-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  List<CommandResult> submit(List<List<LedgerCommand>> groups, int commands) {
    if (closed) {
      throw new IdSettleException("the ledger was closed: no call is taken after close()");
    }
    Pending p = new Pending(groups, commands);
    queue.add(p);
    if (closed) {
      // closed between the check above and the add: close() may already have failed what was
      // queued, so this caller fails what is queued now (its own batch among it) instead of waiting
      failQueued();
    }
    try {
      return p.future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "interrupted while the batch was queued or committing: its outcome is unknown", true, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("group commit failed", true, cause == null ? e : cause);
    }
  }

  private void run() {
    List<Pending> cycle = new ArrayList<>();
    Pending carry = null;
    while (!closed) {
      Pending first;
      try {
        first = carry != null ? carry : queue.take();
      } catch (InterruptedException e) {
        break;
      }
      carry = null;
      cycle.clear();
      cycle.add(first);
      int size = first.commands;
      Pending next;
      while ((next = queue.poll()) != null) {
        if (size + next.commands > maxCommands) {
          carry = next; // the first of the next cycle, so that arrival order is kept
          break;
        }
        cycle.add(next);
        size += next.commands;
      }
      try {
        commit(cycle);
      } catch (Throwable t) {
        // this thread must outlive any failure: every caller queued behind it would wait forever
        failAll(
            cycle,
            new StoreException(
                "the group commit failed unexpectedly (" + t + "): the outcome is unknown",
                true,
                t));
      }
    }
    if (carry != null) {
      failAll(List.of(carry), closedBeforeSubmitted());
    }
    failQueued();
  }

  private void commit(List<Pending> cycle) {
    List<List<LedgerCommand>> groups = new ArrayList<>();
    for (Pending p : cycle) {
      groups.addAll(p.groups);
    }
    List<CommandResult> results;
    try {
      results = sink.apply(groups);
    } catch (StoreException e) {
      if (cycle.size() > 1 && nothingCommittedFor(e)) {
        // one caller's batch may be what failed the transaction (a constraint the store enforced):
        // each is tried again alone, so that it fails alone and the others get their answers
        for (Pending p : cycle) {
          commit(List.of(p));
        }
      } else {
        failAll(cycle, e);
      }
      return;
    } catch (RuntimeException e) {
      failAll(cycle, e);
      return;
    }
    int from = 0;
    for (Pending p : cycle) {
      p.future.complete(List.copyOf(results.subList(from, from + p.commands)));
      from += p.commands;
    }
    try {
      listener.committed(cycle.size(), from);
    } catch (RuntimeException e) {
      // a listener's failure is its own: the commit and its callers' answers stand
    }
  }

  /**
   * Whether {@code e} says that nothing was committed, for a reason other than contention (which
   * the ledger has already retried, and which trying each batch alone would only make worse).
   */
  private static boolean nothingCommittedFor(StoreException e) {
    return !e.mayHaveCommitted()
        && !(e instanceof RetryableStoreException)
        && !(e.getCause() instanceof RetryableStoreException);
  }

  private static void failAll(List<Pending> cycle, RuntimeException e) {
    for (Pending p : cycle) {
      p.future.completeExceptionally(e);
    }
  }

  private void failQueued() {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.future.completeExceptionally(closedBeforeSubmitted());
    }
  }

  private static StoreException closedBeforeSubmitted() {
    return new StoreException("the ledger was closed before this batch was submitted", false);
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failQueued();
  }

  private static final class Pending {
    final List<List<LedgerCommand>> groups;
    final int commands;
    final CompletableFuture<List<CommandResult>> future = new CompletableFuture<>();

    Pending(List<List<LedgerCommand>> groups, int commands) {
      this.groups = groups;
      this.commands = commands;
    }
  }

  @Override
  public String toString() {
    return "GroupCommitter[max " + maxCommands + ", queued " + queue.size() + "]";
  }
}
