package dev.idsettle.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SaleRecords} in memory, for tests and one process; every method under one lock. */
public final class MemorySaleRecords implements SaleRecords {
  private final Map<String, StockEntry> stock = new LinkedHashMap<>();
  private final Map<String, String> stockByOrder = new HashMap<>();
  private final Map<String, SaleOrder> orders = new HashMap<>();
  private final Map<String, String> orderByToken = new HashMap<>();
  private final Map<String, Guesses> guesses = new HashMap<>();

  private MemorySaleRecords() {}

  /** Empty records. */
  public static MemorySaleRecords create() {
    return new MemorySaleRecords();
  }

  @Override
  public synchronized void addStock(List<StockEntry> entries) {
    for (StockEntry e : Args.notNull(entries, "entries")) {
      Args.notNull(e, "entry");
      stock.putIfAbsent(
          e.stockId(),
          new StockEntry(e.stockId(), e.denomination(), e.sealedId(), StockState.AVAILABLE, null));
    }
  }

  @Override
  public synchronized Optional<StockEntry> reserve(String denomination, String orderKey) {
    String held = stockByOrder.get(orderKey);
    if (held != null) {
      return Optional.ofNullable(stock.get(held));
    }
    for (StockEntry e : stock.values()) {
      if (e.state() == StockState.AVAILABLE && e.denomination().equals(denomination)) {
        StockEntry reserved =
            new StockEntry(
                e.stockId(), e.denomination(), e.sealedId(), StockState.RESERVED, orderKey);
        stock.put(e.stockId(), reserved);
        stockByOrder.put(orderKey, e.stockId());
        return Optional.of(reserved);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void settleStock(String orderKey, StockState to) {
    String held = stockByOrder.get(orderKey);
    StockEntry e = held == null ? null : stock.get(held);
    if (e == null || e.state() != StockState.RESERVED) {
      return;
    }
    boolean release = to == StockState.AVAILABLE;
    stock.put(
        e.stockId(),
        new StockEntry(e.stockId(), e.denomination(), e.sealedId(), to, release ? null : orderKey));
    if (release) {
      stockByOrder.remove(orderKey);
    }
  }

  @Override
  public synchronized int available(String denomination) {
    int n = 0;
    for (StockEntry e : stock.values()) {
      if (e.state() == StockState.AVAILABLE && e.denomination().equals(denomination)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized Optional<StockEntry> stock(String stockId) {
    return Optional.ofNullable(stock.get(stockId));
  }

  @Override
  public synchronized boolean insertOrder(SaleOrder order) {
    if (orders.containsKey(order.key()) || orderByToken.containsKey(order.tokenHash())) {
      return false;
    }
    orders.put(order.key(), order);
    orderByToken.put(order.tokenHash(), order.key());
    return true;
  }

  @Override
  public synchronized Optional<SaleOrder> order(String key) {
    return Optional.ofNullable(orders.get(key));
  }

  @Override
  public synchronized Optional<SaleOrder> orderByToken(String tokenHash) {
    String key = orderByToken.get(tokenHash);
    return key == null ? Optional.empty() : Optional.ofNullable(orders.get(key));
  }

  @Override
  public synchronized boolean replaceOrder(SaleOrder current, SaleOrder next) {
    SaleOrder stored = orders.get(current.key());
    if (stored == null
        || stored.version() != current.version()
        || !next.key().equals(current.key())
        || next.version() != current.version() + 1) {
      return false;
    }
    orders.put(next.key(), next);
    return true;
  }

  @Override
  public synchronized List<SaleOrder> orders(String afterKey, int limit) {
    Args.notNull(afterKey, "afterKey");
    return orders.values().stream()
        .filter(o -> o.key().compareTo(afterKey) > 0)
        .sorted(Comparator.comparing(SaleOrder::key))
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public synchronized List<SaleOrder> unfinished(Instant before, int limit) {
    List<SaleOrder> found = new ArrayList<>();
    for (SaleOrder o : orders.values()) {
      if (!o.state().finished() && o.updatedAt().isBefore(before)) {
        found.add(o);
      }
    }
    found.sort(Comparator.comparing(SaleOrder::updatedAt));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  @Override
  public synchronized boolean takeGuess(
      String tokenHash, int maxGuesses, Instant now, Duration lockFor) {
    Guesses g = guesses.computeIfAbsent(tokenHash, t -> new Guesses());
    if (g.lockedUntil != null && now.isBefore(g.lockedUntil)) {
      return false;
    }
    g.count++;
    g.updatedAt = now;
    if (g.count >= maxGuesses) {
      g.count = 0;
      g.lockedUntil = now.plus(lockFor);
    }
    return true;
  }

  @Override
  public synchronized void clearGuesses(String tokenHash) {
    guesses.remove(tokenHash);
  }

  @Override
  public synchronized int purgeGuesses(Instant before) {
    int size = guesses.size();
    guesses
        .values()
        .removeIf(
            g -> {
              Instant until = g.lockedUntil;
              return g.updatedAt.isBefore(before) && (until == null || !until.isAfter(before));
            });
    return size - guesses.size();
  }

  private static final class Guesses {
    int count;
    Instant updatedAt = Instant.MIN;
    @org.jspecify.annotations.Nullable Instant lockedUntil;
  }
}
