package dev.idsettle.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records that make the process "die" (throw {@link Crash}) when the saga records the state it was
 * told to, before or after writing it: what a killed desk leaves behind.
 */
final class CrashingRecords implements SaleRecords {
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String where) {
      super("crashed " + where);
    }
  }

  private final SaleRecords delegate;
  private final SaleState at;
  private final boolean afterWrite;

  CrashingRecords(SaleRecords delegate, SaleState at, boolean afterWrite) {
    this.delegate = delegate;
    this.at = at;
    this.afterWrite = afterWrite;
  }

  @Override
  public boolean replaceOrder(SaleOrder current, SaleOrder next) {
    if (next.state() == at && !afterWrite) {
      throw new Crash("before recording " + at);
    }
    boolean replaced = delegate.replaceOrder(current, next);
    if (next.state() == at) {
      throw new Crash("after recording " + at);
    }
    return replaced;
  }

  @Override
  public void addStock(List<StockEntry> entries) {
    delegate.addStock(entries);
  }

  @Override
  public Optional<StockEntry> reserve(String denomination, String orderKey) {
    return delegate.reserve(denomination, orderKey);
  }

  @Override
  public void settleStock(String orderKey, StockState to) {
    delegate.settleStock(orderKey, to);
  }

  @Override
  public int available(String denomination) {
    return delegate.available(denomination);
  }

  @Override
  public Optional<StockEntry> stock(String stockId) {
    return delegate.stock(stockId);
  }

  @Override
  public boolean insertOrder(SaleOrder order) {
    return delegate.insertOrder(order);
  }

  @Override
  public List<SaleOrder> orders(String afterKey, int limit) {
    return delegate.orders(afterKey, limit);
  }

  @Override
  public Optional<SaleOrder> order(String key) {
    return delegate.order(key);
  }

  @Override
  public Optional<SaleOrder> orderByToken(String tokenHash) {
    return delegate.orderByToken(tokenHash);
  }

  @Override
  public List<SaleOrder> unfinished(Instant before, int limit) {
    return delegate.unfinished(before, limit);
  }

  @Override
  public boolean takeGuess(String tokenHash, int maxGuesses, Instant now, Duration lockFor) {
    return delegate.takeGuess(tokenHash, maxGuesses, now, lockFor);
  }

  @Override
  public void clearGuesses(String tokenHash) {
    delegate.clearGuesses(tokenHash);
  }

  @Override
  public int purgeGuesses(Instant before) {
    return delegate.purgeGuesses(before);
  }
}
