package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Maps rows to ledger values and binds ledger values to parameters. */
final class Rows {
  private Rows() {}

  /**
   * Executes {@code ps} and returns its first result set, past the update counts of the settings a
   * dialect sends before the statement in the same round trip.
   *
   * @param what the statement, for the message if it returns no rows
   */
  static ResultSet firstRows(PreparedStatement ps, String what) throws SQLException {
    boolean rows = ps.execute();
    while (!rows) {
      if (ps.getUpdateCount() == -1) {
        throw new SQLException(what + " returned no rows");
      }
      rows = ps.getMoreResults();
    }
    return ps.getResultSet();
  }

  /** Reads an account from a row of {@link Sql#ACCOUNT_COLUMNS}. */
  static Account account(ResultSet rs) throws SQLException {
    byte[] hash = rs.getBytes(9);
    return new Account(
        new AccountId(rs.getLong(1)),
        AccountKind.valueOf(rs.getString(2)),
        Currency.getInstance(rs.getString(3)),
        AccountState.valueOf(rs.getString(4)),
        rs.getLong(5),
        rs.getLong(6),
        ExpiryPolicy.decode(rs.getString(7)),
        instantOrNull(rs, 8),
        hash == null ? null : IdHash.of(hash));
  }

  /** Binds {@link Sql#INSERT_ACCOUNT}'s parameters. */
  static void bindInsert(PreparedStatement ps, Account a) throws SQLException {
    ps.setLong(1, a.id().value());
    ps.setString(2, a.kind().name());
    ps.setString(3, a.currency().getCurrencyCode());
    ps.setString(4, a.state().name());
    ps.setLong(5, a.posted());
    ps.setLong(6, a.reserved());
    ps.setString(7, a.expiry().encode());
    setInstant(ps, 8, a.expiresAt());
    IdHash hash = a.idHash();
    if (hash == null) {
      ps.setNull(9, Types.VARBINARY);
    } else {
      ps.setBytes(9, hash.toBytes());
    }
  }

  /**
   * Binds {@link Sql#UPDATE_ACCOUNT}'s parameters: the new image {@code a} and the old {@code was}.
   */
  static void bindUpdate(PreparedStatement ps, Account a, Account was) throws SQLException {
    ps.setString(1, a.state().name());
    ps.setLong(2, a.posted());
    ps.setLong(3, a.reserved());
    setInstant(ps, 4, a.expiresAt());
    ps.setLong(5, a.id().value());
    ps.setString(6, was.state().name());
    ps.setLong(7, was.posted());
    ps.setLong(8, was.reserved());
    setInstant(ps, 9, was.expiresAt());
  }

  /** Reads a transfer from a row of {@link Sql#TRANSFER_COLUMNS}. */
  static Transfer transfer(ResultSet rs, Dialect dialect) throws SQLException {
    UUID pending = dialect.getUuid(rs, 6);
    String refusal = rs.getString(9);
    return new Transfer(
        TransferId.of(Objects.requireNonNull(dialect.getUuid(rs, 1), "transfer id")),
        new AccountId(rs.getLong(2)),
        new AccountId(rs.getLong(3)),
        rs.getLong(4),
        TransferKind.valueOf(rs.getString(5)),
        pending == null ? null : TransferId.of(pending),
        instantOrNull(rs, 7),
        HoldState.valueOf(rs.getString(8)),
        refusal == null ? null : Refusal.valueOf(refusal),
        rs.getString(10),
        Instants.fromNanos(rs.getLong(11)));
  }

  /**
   * Binds a transfer's {@link Sql#TRANSFER_COLUMNS}, in that order, as parameters 1 to 11 (those of
   * {@link Sql#INSERT_TRANSFER}); returns the next index.
   */
  static int bindInsert(PreparedStatement ps, Transfer t, Dialect dialect) throws SQLException {
    dialect.setUuid(ps, 1, t.id().toUuid());
    ps.setLong(2, t.debit().value());
    ps.setLong(3, t.credit().value());
    ps.setLong(4, t.amount());
    ps.setString(5, t.kind().name());
    TransferId pending = t.pendingId();
    dialect.setUuid(ps, 6, pending == null ? null : pending.toUuid());
    setInstant(ps, 7, t.timeout());
    ps.setString(8, t.holdState().name());
    Refusal refusal = t.refusal();
    if (refusal == null) {
      ps.setNull(9, Types.VARCHAR);
    } else {
      ps.setString(9, refusal.name());
    }
    ps.setString(10, t.code());
    ps.setLong(11, Instants.toNanos(t.timestamp()));
    return 12;
  }

  /** Binds {@code instant} as epoch nanoseconds, or SQL NULL. */
  static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, Instants.toNanos(instant));
    }
  }

  private static @Nullable Instant instantOrNull(ResultSet rs, int index) throws SQLException {
    long nanos = rs.getLong(index);
    return rs.wasNull() ? null : Instants.fromNanos(nanos);
  }

  /** {@code all} in consecutive views of at most {@code size} elements (none if it is empty). */
  static <T> List<List<T>> slices(List<T> all, int size) {
    List<List<T>> slices = new ArrayList<>(all.size() / size + 1);
    for (int from = 0; from < all.size(); ) {
      int to = from + Math.min(all.size() - from, size); // size may be Integer.MAX_VALUE
      slices.add(all.subList(from, to));
      from = to;
    }
    return slices;
  }
}
