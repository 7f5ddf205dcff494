package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
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
  static void bindUpdate(
      PreparedStatement ps, Account a, Account was, byte @Nullable [] head, byte @Nullable [] seal)
      throws SQLException {
    ps.setString(1, a.state().name());
    ps.setLong(2, a.posted());
    ps.setLong(3, a.reserved());
    setInstant(ps, 4, a.expiresAt());
    setBytes(ps, 5, head);
    setBytes(ps, 6, seal);
    ps.setLong(7, a.id().value());
    ps.setString(8, was.state().name());
    ps.setLong(9, was.posted());
    ps.setLong(10, was.reserved());
    setInstant(ps, 11, was.expiresAt());
  }

  /** Binds {@code bytes}, or SQL NULL. */
  static void setBytes(PreparedStatement ps, int index, byte @Nullable [] bytes)
      throws SQLException {
    if (bytes == null) {
      ps.setNull(index, Types.VARBINARY);
    } else {
      ps.setBytes(index, bytes);
    }
  }

  /** Reads an account row of {@link Sql#SEALED_ACCOUNTS}. */
  static SealedAccount sealedAccount(ResultSet rs) throws SQLException {
    return new SealedAccount(account(rs), rs.getBytes(11), rs.getBytes(12));
  }

  /** Reads a transfer row of {@link Sql#SEALED_TRANSFERS}. */
  static SealedTransfer sealedTransfer(ResultSet rs, Dialect dialect) throws SQLException {
    return new SealedTransfer(rs.getLong(14), transfer(rs, dialect), rs.getBytes(15));
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
        refusal == null ? null : Refusal.ofCode(refusal),
        rs.getString(10),
        Instants.fromNanos(rs.getLong(11)),
        description(rs.getString(12), rs.getString(13)));
  }

  private static @Nullable Description description(@Nullable String kind, @Nullable String body) {
    return kind == null ? null : new Description(kind, body == null ? "" : body);
  }

  /**
   * Binds a transfer's {@link Sql#TRANSFER_INSERT_COLUMNS}, in that order, as parameters 1 to 14
   * (those of {@link Sql#INSERT_TRANSFER}): its fields and {@code seal}; returns the next index.
   */
  static int bindInsert(PreparedStatement ps, Transfer t, Dialect dialect, byte @Nullable [] seal)
      throws SQLException {
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
      ps.setString(9, refusal.code());
    }
    ps.setString(10, t.code());
    ps.setLong(11, Instants.toNanos(t.timestamp()));
    Description d = t.description();
    if (d == null) {
      ps.setNull(12, Types.VARCHAR);
      ps.setNull(13, Types.VARCHAR);
    } else {
      ps.setString(12, d.kind());
      ps.setString(13, d.body());
    }
    setBytes(ps, 14, seal);
    return 15;
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
