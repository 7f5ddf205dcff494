package dev.idsettle.sales;

import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * {@link SaleRecords} in three tables of their own ({@code sales_stock}, {@code sales_orders},
 * {@code sales_guesses}) on H2, PostgreSQL or SQLite, created by {@link #create} if missing (plain
 * portable SQL; no schema file of jdbc-store). Every method is one auto-committed statement or a
 * conditional statement retried, so no transaction spans two calls; on SQLite the writes of this
 * process go through one lock (its writers starve each other otherwise).
 */
public final class JdbcSaleRecords implements SaleRecords {
  private static final int RESERVE_TRIES = 64;
  private final DataSource dataSource;
  private final Sql sql;
  private final ReentrantLock sqliteWrites;
  private final boolean sqlite;

  private JdbcSaleRecords(DataSource dataSource, boolean sqlite) {
    this.dataSource = dataSource;
    this.sqlite = sqlite;
    this.sqliteWrites = new ReentrantLock();
    this.sql = new Sql(dataSource);
  }

  /** Records over {@code dataSource}; creates the tables if they are missing. */
  public static JdbcSaleRecords create(DataSource dataSource) {
    Args.notNull(dataSource, "dataSource");
    boolean sqlite;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
      for (String ddl : SaleTables.DDL) {
        s.execute(ddl);
      }
    } catch (SQLException e) {
      throw new StoreException("could not create the sales tables: " + e.getMessage(), false, e);
    }
    return new JdbcSaleRecords(dataSource, sqlite);
  }

  @Override
  public void addStock(List<StockEntry> entries) {
    write(
        () -> {
          try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO sales_stock (stock_id, denomination, sealed_id, state, order_key)"
                        + " VALUES (?, ?, ?, 'AVAILABLE', NULL)")) {
              for (StockEntry e : entries) {
                p.setString(1, e.stockId());
                p.setString(2, e.denomination());
                p.setString(3, e.sealedId());
                p.addBatch();
              }
              p.executeBatch();
              c.commit();
            } catch (SQLException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
          }
          return entries.size();
        });
  }

  @Override
  public Optional<StockEntry> reserve(String denomination, String orderKey) {
    for (int i = 0; i < RESERVE_TRIES; i++) {
      Optional<StockEntry> held = heldBy(orderKey);
      if (held.isPresent()) {
        return held;
      }
      int available = available(denomination);
      if (available == 0) {
        return Optional.empty();
      }
      // spread concurrent buyers over the first entries instead of all racing for one
      int offset = ThreadLocalRandom.current().nextInt(Math.min(available, 8));
      int updated =
          write(
              () ->
                  sql.updateOrDuplicate(
                      "UPDATE sales_stock SET state = 'RESERVED', order_key = ? WHERE stock_id ="
                          + " (SELECT stock_id FROM sales_stock WHERE denomination = ? AND state ="
                          + " 'AVAILABLE' ORDER BY stock_id LIMIT 1 OFFSET "
                          + offset
                          + ") AND state = 'AVAILABLE'",
                      orderKey,
                      denomination));
      if (updated > 0) {
        return heldBy(orderKey);
      }
    }
    throw new StoreException(
        "could not reserve stock for " + orderKey + ": too much contention", false);
  }

  private Optional<StockEntry> heldBy(String orderKey) {
    return sql
        .query(
            "SELECT stock_id, denomination, sealed_id, state, order_key FROM sales_stock"
                + " WHERE order_key = ?",
            SaleTables::stock,
            orderKey)
        .stream()
        .findFirst();
  }

  @Override
  public void settleStock(String orderKey, StockState to) {
    write(
        () ->
            sql.update(
                "UPDATE sales_stock SET state = ?, order_key = "
                    + (to == StockState.AVAILABLE ? "NULL" : "order_key")
                    + " WHERE order_key = ? AND state = 'RESERVED'",
                to.name(),
                orderKey));
  }

  @Override
  public int available(String denomination) {
    return sql.query(
            "SELECT COUNT(*) FROM sales_stock WHERE denomination = ? AND state = 'AVAILABLE'",
            rs -> rs.getInt(1),
            denomination)
        .get(0);
  }

  @Override
  public Optional<StockEntry> stock(String stockId) {
    return sql
        .query(
            "SELECT stock_id, denomination, sealed_id, state, order_key FROM sales_stock"
                + " WHERE stock_id = ?",
            SaleTables::stock,
            stockId)
        .stream()
        .findFirst();
  }

  @Override
  public boolean insertOrder(SaleOrder o) {
    return write(() -> sql.updateOrDuplicate(SaleTables.INSERT_ORDER, SaleTables.insertArgs(o)))
        > 0;
  }

  @Override
  public Optional<SaleOrder> order(String key) {
    return sql
        .query(SaleTables.SELECT_ORDER + " WHERE order_key = ?", SaleTables::order, key)
        .stream()
        .findFirst();
  }

  @Override
  public Optional<SaleOrder> orderByToken(String tokenHash) {
    return sql
        .query(SaleTables.SELECT_ORDER + " WHERE token_hash = ?", SaleTables::order, tokenHash)
        .stream()
        .findFirst();
  }

  @Override
  public boolean replaceOrder(SaleOrder current, SaleOrder next) {
    if (!next.key().equals(current.key()) || next.version() != current.version() + 1) {
      return false;
    }
    return write(() -> sql.update(SaleTables.UPDATE_ORDER, SaleTables.updateArgs(current, next)))
        > 0;
  }

  @Override
  public List<SaleOrder> orders(String afterKey, int limit) {
    Args.notNull(afterKey, "afterKey");
    if (limit <= 0) {
      return List.of();
    }
    return sql.query(
        SaleTables.SELECT_ORDER + " WHERE order_key > ? ORDER BY order_key LIMIT " + limit,
        SaleTables::order,
        afterKey);
  }

  @Override
  public List<SaleOrder> unfinished(Instant before, int limit) {
    List<String> open = new ArrayList<>();
    for (SaleState s : SaleState.values()) {
      if (!s.finished()) {
        open.add("'" + s.name() + "'");
      }
    }
    return sql.query(
        SaleTables.SELECT_ORDER
            + " WHERE state IN ("
            + String.join(", ", open)
            + ") AND updated_at < ? ORDER BY updated_at LIMIT "
            + Math.max(1, limit),
        SaleTables::order,
        before.toEpochMilli());
  }

  @Override
  public boolean takeGuess(String tokenHash, int maxGuesses, Instant now, Duration lockFor) {
    long at = now.toEpochMilli();
    return write(
        () -> {
          for (int i = 0; i < 20; i++) {
            int counted =
                sql.update(
                    "UPDATE sales_guesses SET failures = failures + 1, updated_at = ? WHERE"
                        + " token_hash = ? AND locked_until <= ? AND failures + 1 < ?",
                    at,
                    tokenHash,
                    at,
                    maxGuesses);
            if (counted > 0) {
              return true;
            }
            int locked =
                sql.update(
                    "UPDATE sales_guesses SET failures = 0, locked_until = ?, updated_at = ? WHERE"
                        + " token_hash = ? AND locked_until <= ? AND failures + 1 >= ?",
                    at + lockFor.toMillis(),
                    at,
                    tokenHash,
                    at,
                    maxGuesses);
            if (locked > 0) {
              return true;
            }
            List<Long> lockedUntil =
                sql.query(
                    "SELECT locked_until FROM sales_guesses WHERE token_hash = ?",
                    rs -> rs.getLong(1),
                    tokenHash);
            if (!lockedUntil.isEmpty() && lockedUntil.get(0) > at) {
              return false;
            }
            if (!lockedUntil.isEmpty()) {
              continue; // another guess changed the row between our statements: count again
            }
            sql.updateOrDuplicate(
                "INSERT INTO sales_guesses (token_hash, failures, locked_until, updated_at)"
                    + " VALUES (?, 0, 0, ?)",
                tokenHash,
                at);
          }
          throw new StoreException("could not count a guess on a check token", false);
        });
  }

  @Override
  public void clearGuesses(String tokenHash) {
    write(() -> sql.update("DELETE FROM sales_guesses WHERE token_hash = ?", tokenHash));
  }

  @Override
  public int purgeGuesses(Instant before) {
    long at = before.toEpochMilli();
    return write(
        () ->
            sql.update(
                "DELETE FROM sales_guesses WHERE updated_at < ? AND locked_until <= ?", at, at));
  }

  private <T> T write(Sql.Work<T> work) {
    if (!sqlite) {
      return sql.run(work);
    }
    sqliteWrites.lock();
    try {
      return sql.run(work);
    } finally {
      sqliteWrites.unlock();
    }
  }
}
