package dev.idsettle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sql.DataSource;

/**
 * The raw-JDBC baseline of SQLite's one-writer shape, on {@link RawDebits}' tables: client threads
 * queue debits, one writer thread takes up to {@value #MAX} waiting ones per transaction ({@code
 * BEGIN IMMEDIATE}, per debit one conditional {@code UPDATE} and, if it held, one {@code INSERT},
 * then {@code COMMIT}) and wakes their callers. WAL with {@code synchronous=FULL}: one {@code
 * fsync} per transaction, as the library's default.
 */
final class RawWriter implements AutoCloseable {
  static final int MAX = 50;

  private final BlockingQueue<Debit> queue = new LinkedBlockingQueue<>();
  private final Connection connection;
  private final PreparedStatement update;
  private final PreparedStatement insert;
  private final Statement control;
  private final Thread thread;

  private record Debit(long account, long amount, String id, CompletableFuture<Boolean> done) {}

  RawWriter(DataSource ds) throws SQLException {
    connection = ds.getConnection();
    connection.setAutoCommit(true);
    control = connection.createStatement();
    control.executeUpdate("PRAGMA synchronous = FULL");
    update = connection.prepareStatement(RawDebits.UPDATE);
    insert = connection.prepareStatement(RawDebits.INSERT);
    thread = new Thread(this::run, "raw-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Puts the file in WAL mode (kept in the file). */
  static void walMode(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("PRAGMA journal_mode = WAL").close();
    }
  }

  /** Debits {@code amount} from {@code account} once the writer has committed it. */
  boolean debit(long account, long amount, String id) {
    Debit d = new Debit(account, amount, id, new CompletableFuture<>());
    queue.add(d);
    return d.done().join();
  }

  private void run() {
    List<Debit> batch = new ArrayList<>(MAX);
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, MAX - 1);
        write(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  private void write(List<Debit> batch) {
    boolean[] ok = new boolean[batch.size()];
    try {
      control.executeUpdate("BEGIN IMMEDIATE");
      for (int i = 0; i < batch.size(); i++) {
        Debit d = batch.get(i);
        update.setLong(1, d.amount());
        update.setLong(2, d.account());
        update.setLong(3, d.amount());
        if (update.executeUpdate() == 1) {
          insert.setString(1, d.id());
          insert.setLong(2, d.account());
          insert.setLong(3, d.amount());
          insert.executeUpdate();
          ok[i] = true;
        }
      }
      control.executeUpdate("COMMIT");
    } catch (SQLException e) {
      try {
        control.executeUpdate("ROLLBACK");
      } catch (SQLException again) {
        e.addSuppressed(again);
      }
      batch.forEach(d -> d.done().completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(ok[i]);
    }
  }

  /** Stops the writer and closes its connection. */
  @Override
  public void close() throws SQLException {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
