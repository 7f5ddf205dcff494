package dev.idsettle.sales;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The sales tables: DDL that H2, PostgreSQL and SQLite all accept, and the row mappings. */
final class SaleTables {
  private SaleTables() {}

  static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS sales_stock (stock_id VARCHAR(64) NOT NULL PRIMARY KEY,"
              + " denomination VARCHAR(32) NOT NULL, sealed_id VARCHAR(512) NOT NULL,"
              + " state VARCHAR(16) NOT NULL, order_key VARCHAR(100) UNIQUE)",
          "CREATE INDEX IF NOT EXISTS sales_stock_available ON sales_stock (denomination, state,"
              + " stock_id)",
          "CREATE TABLE IF NOT EXISTS sales_orders (order_key VARCHAR(100) NOT NULL PRIMARY KEY,"
              + " fingerprint VARCHAR(64) NOT NULL, denomination VARCHAR(32) NOT NULL,"
              + " state VARCHAR(24) NOT NULL, buyer VARCHAR(200) NOT NULL, stock_id VARCHAR(64),"
              + " authorization_ref VARCHAR(200), capture_ref VARCHAR(200),"
              + " price_minor BIGINT NOT NULL, commission_minor BIGINT NOT NULL,"
              + " refusal VARCHAR(32), pin_hash VARCHAR(200) NOT NULL,"
              + " token_hash VARCHAR(64) NOT NULL UNIQUE, refund_key VARCHAR(100),"
              + " taken_back_minor BIGINT NOT NULL, refund_minor BIGINT NOT NULL,"
              + " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, version INTEGER NOT NULL)",
          "CREATE INDEX IF NOT EXISTS sales_orders_open ON sales_orders (state, updated_at)",
          "CREATE TABLE IF NOT EXISTS sales_guesses (token_hash VARCHAR(64) NOT NULL PRIMARY KEY,"
              + " failures INTEGER NOT NULL, locked_until BIGINT NOT NULL,"
              + " updated_at BIGINT NOT NULL)");

  private static final String COLUMNS =
      "order_key, fingerprint, denomination, state, buyer, stock_id, authorization_ref,"
          + " capture_ref, price_minor, commission_minor, refusal, pin_hash, token_hash,"
          + " refund_key, taken_back_minor, refund_minor, created_at, updated_at, version";

  static final String SELECT_ORDER = "SELECT " + COLUMNS + " FROM sales_orders";

  static final String INSERT_ORDER =
      "INSERT INTO sales_orders ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String UPDATE_ORDER =
      "UPDATE sales_orders SET state = ?, stock_id = ?, authorization_ref = ?, capture_ref = ?,"
          + " commission_minor = ?, refusal = ?, refund_key = ?, taken_back_minor = ?,"
          + " refund_minor = ?, updated_at = ?, version = ? WHERE order_key = ? AND version = ?";

  static @Nullable Object[] insertArgs(SaleOrder o) {
    return new @Nullable Object[] {
      o.key(),
      o.fingerprint(),
      o.denomination(),
      o.state().name(),
      o.buyer(),
      o.stockId(),
      o.authorization(),
      o.capture(),
      o.priceMinor(),
      o.commissionMinor(),
      name(o.refusal()),
      o.pinHash(),
      o.tokenHash(),
      o.refundKey(),
      o.takenBackMinor(),
      o.refundMinor(),
      o.createdAt().toEpochMilli(),
      o.updatedAt().toEpochMilli(),
      o.version()
    };
  }

  static @Nullable Object[] updateArgs(SaleOrder current, SaleOrder n) {
    return new @Nullable Object[] {
      n.state().name(),
      n.stockId(),
      n.authorization(),
      n.capture(),
      n.commissionMinor(),
      name(n.refusal()),
      n.refundKey(),
      n.takenBackMinor(),
      n.refundMinor(),
      n.updatedAt().toEpochMilli(),
      n.version(),
      current.key(),
      current.version()
    };
  }

  private static @Nullable String name(@Nullable Enum<?> e) {
    return e == null ? null : e.name();
  }

  static SaleOrder order(ResultSet rs) throws SQLException {
    String refusal = rs.getString(11);
    return new SaleOrder(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        SaleState.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getLong(10),
        refusal == null ? null : PurchaseRefusal.valueOf(refusal),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getLong(15),
        rs.getLong(16),
        Instant.ofEpochMilli(rs.getLong(17)),
        Instant.ofEpochMilli(rs.getLong(18)),
        rs.getInt(19));
  }

  static StockEntry stock(ResultSet rs) throws SQLException {
    return new StockEntry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        StockState.valueOf(rs.getString(4)),
        rs.getString(5));
  }
}
