package dev.idsettle.sales;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link SalesDesk} keeps its stock, its orders and its check-URL guesses: a small SPI of
 * its own beside the ledger (which keeps the money). {@link MemorySaleRecords} for one process,
 * {@link JdbcSaleRecords} for H2, PostgreSQL and SQLite. Every method is atomic on its own and
 * thread-safe; the desk needs no transaction across them (each saga step is idempotent).
 */
public interface SaleRecords {
  /** Adds entries in {@link StockState#AVAILABLE}. */
  void addStock(List<StockEntry> entries);

  /**
   * Reserves one available entry of {@code denomination} for {@code orderKey}, or returns the one
   * the order already holds (whatever its state). No entry is ever handed to two orders.
   *
   * @return the entry, or empty if none is available
   */
  Optional<StockEntry> reserve(String denomination, String orderKey);

  /** Moves the entry held by {@code orderKey} from {@link StockState#RESERVED} to {@code to}. */
  void settleStock(String orderKey, StockState to);

  /** How many entries of {@code denomination} are available. */
  int available(String denomination);

  /** The entry {@code stockId}. */
  Optional<StockEntry> stock(String stockId);

  /** Inserts a new order; false (and nothing written) if its key exists. */
  boolean insertOrder(SaleOrder order);

  /** The order under {@code key}. */
  Optional<SaleOrder> order(String key);

  /**
   * Up to {@code limit} orders whose keys come after {@code afterKey} in the records' own key order
   * (the empty string for the first page), in that order: pages that join up list every order once,
   * whatever its state. What a reconciliation reads to match the gateway's statement.
   */
  List<SaleOrder> orders(String afterKey, int limit);

  /** The order whose check token hashes to {@code tokenHash}. */
  Optional<SaleOrder> orderByToken(String tokenHash);

  /**
   * Replaces {@code current} by {@code next} if the stored order is still at {@code current}'s
   * version (compare-and-set); {@code next.version()} is {@code current.version() + 1}.
   *
   * @return whether it was replaced
   */
  boolean replaceOrder(SaleOrder current, SaleOrder next);

  /**
   * Up to {@code limit} orders not {@link SaleState#finished()} and unchanged since {@code before}.
   */
  List<SaleOrder> unfinished(Instant before, int limit);

  /**
   * Takes one PIN guess on the check token {@code tokenHash}, atomically: refused (false) while the
   * token is locked; otherwise counted, and the guess that reaches {@code maxGuesses} locks the
   * token until {@code now + lockFor} (the count starts again after). Counts tokens that match no
   * order too, so an unknown token behaves as a known one.
   */
  boolean takeGuess(String tokenHash, int maxGuesses, Instant now, Duration lockFor);

  /** Forgets the guesses on {@code tokenHash} (after a right PIN). */
  void clearGuesses(String tokenHash);

  /**
   * Forgets the guesses on every token that no guess touched since {@code before} and that is not
   * locked at {@code before}, so that the guess records do not grow with every token ever tried.
   * Safe beside live guesses: a token guessed since is kept.
   *
   * @return how many tokens were forgotten
   */
  int purgeGuesses(Instant before);
}
