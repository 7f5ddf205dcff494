package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Description;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerTx.Changes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a judged batch's transfers and account images in one statement, so a debit costs the lock,
 * this and the commit: {@link Sql#WRITE_ALL}, each column one array, or for one transfer (a lone
 * debit, an activation) {@link Sql#writeOneTransfer}, each value one parameter.
 */
final class BatchWriteStatement {
  private final Connection connection;
  private final Dialect dialect;
  private final Map<AccountId, Account> judgedBy;
  private final String before;
  private final boolean commit;
  private final boolean alone;

  /**
   * A write on {@code connection}, guarded by {@code judgedBy}, with the dialect's settings {@code
   * before} it in the same round trip (each ending in {@code "; "}), or {@code ""} when the lock
   * read sent them already; with {@code commit}, followed by the transaction's {@code COMMIT}, also
   * in the same round trip. With {@code alone} (the transaction has sent nothing yet, and this
   * write commits it), a write of one transfer runs in auto-commit mode instead: one statement is
   * one transaction, applied whole or not at all, and the driver sends no {@code BEGIN} or {@code
   * COMMIT} around it. Measured in a probe at 8 threads on durable PostgreSQL, alternating with the
   * explicit transaction in one JVM: 150 to 163 us of machine CPU per lone debit against 181 to
   * 220, of which the JVM's 27 to 37 against 38 to 70.
   */
  BatchWriteStatement(
      Connection connection,
      Dialect dialect,
      Map<AccountId, Account> judgedBy,
      String before,
      boolean commit,
      boolean alone) {
    this.connection = connection;
    this.dialect = dialect;
    this.judgedBy = judgedBy;
    this.before = before;
    this.commit = commit;
    this.alone = alone;
  }

  /**
   * Writes transfers and accounts, without touching {@code resolvedHolds}.
   *
   * @return whether it committed the transaction too: when told to and there was something to write
   * @throws dev.idsettle.spi.StoreException as {@link JdbcTx#writeFailed}, or, when it sent the
   *     commit, as {@link JdbcTx#writeAndCommitFailed}
   */
  boolean write(Changes changes, @Nullable Sealing seals) {
    List<Transfer> transfers = changes.transfers();
    List<Account> accounts = new ArrayList<>(changes.accounts());
    if (accounts.isEmpty() && transfers.isEmpty()) {
      return false;
    }
    // in account id order, so that writes which lock as they go (after believed images, without a
    // locked read) take their row locks in the same order as every other transaction
    accounts.sort(Comparator.comparingLong(a -> a.id().value()));
    boolean one = transfers.size() == 1 && accounts.size() <= Sql.ONE_TRANSFER_MAX_ACCOUNTS;
    // the transaction's only statement, and it is to commit: it runs as a transaction of its own
    // (auto-commit), without the BEGIN and COMMIT the driver would send around it
    boolean autoCommit = one && alone;
    String sql =
        (one ? Sql.writeOneTransfer(accounts.size()) : before + Sql.WRITE_ALL)
            + (commit && !autoCommit ? "; COMMIT" : "");
    if (autoCommit) {
      try {
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        throw Failures.beforeCommit("starting the write", e);
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int next =
          one
              ? bindAccountValues(
                  ps,
                  Rows.bindInsert(
                      ps, transfers.get(0), dialect, seals == null ? null : seals.transferSeal(0)),
                  accounts,
                  seals)
              : bindAccounts(ps, bindTransfers(ps, transfers, seals), accounts, seals);
      ps.setInt(next, accounts.size());
      long rows = execute(ps);
      if (rows != accounts.size()) {
        // unreachable while the statement's own guard holds; never commit on it
        throw new IllegalStateException(
            "the write updated " + rows + " of " + accounts.size() + " accounts and did not fail");
      }
      for (Account a : accounts) {
        judgedBy.put(a.id(), a);
      }
      return commit;
    } catch (SQLException e) {
      throw commit ? JdbcTx.writeAndCommitFailed(e) : JdbcTx.writeFailed(e);
    } finally {
      if (autoCommit) {
        manualCommit();
      }
    }
  }

  private void manualCommit() {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      // a broken connection, which the pool discards
    }
  }

  /** The count the write returns, past the results of the settings sent before it. */
  private static long execute(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = Rows.firstRows(ps, "the write")) {
      if (!rs.next()) {
        throw new SQLException("the write returned no count");
      }
      return rs.getLong(1);
    }
  }

  /**
   * Binds each account's new image and, as its guard, the image it was judged by, nine parameters
   * an account, from {@code first}; returns the next index.
   */
  private int bindAccountValues(
      PreparedStatement ps, int first, List<Account> accounts, @Nullable Sealing seals)
      throws SQLException {
    int k = first;
    for (Account a : accounts) {
      Account was = JdbcTx.judgedBy(judgedBy, a.id());
      ps.setLong(k++, a.id().value());
      ps.setString(k++, a.state().name());
      ps.setLong(k++, a.posted());
      ps.setLong(k++, a.reserved());
      Rows.setInstant(ps, k++, a.expiresAt());
      ps.setString(k++, was.state().name());
      ps.setLong(k++, was.posted());
      ps.setLong(k++, was.reserved());
      Rows.setInstant(ps, k++, was.expiresAt());
      Rows.setBytes(ps, k++, seals == null ? null : seals.head(a.id()));
      Rows.setBytes(ps, k++, seals == null ? null : seals.seal(a.id()));
    }
    return k;
  }

  private int bindTransfers(PreparedStatement ps, List<Transfer> transfers, @Nullable Sealing seals)
      throws SQLException {
    int n = transfers.size();
    String[] ids = new String[n];
    long[] debits = new long[n];
    long[] credits = new long[n];
    long[] amounts = new long[n];
    String[] kinds = new String[n];
    @Nullable String[] pending = new String[n];
    @Nullable Long[] timeouts = new Long[n];
    String[] holdStates = new String[n];
    @Nullable String[] refusals = new String[n];
    String[] codes = new String[n];
    long[] created = new long[n];
    @Nullable String[] descriptionKinds = new String[n];
    @Nullable String[] descriptionBodies = new String[n];
    byte[] @Nullable [] transferSeals = new byte[n][];
    for (int i = 0; i < n; i++) {
      Transfer t = transfers.get(i);
      ids[i] = t.id().toUuid().toString();
      debits[i] = t.debit().value();
      credits[i] = t.credit().value();
      amounts[i] = t.amount();
      kinds[i] = t.kind().name();
      TransferId p = t.pendingId();
      pending[i] = p == null ? null : p.toUuid().toString();
      timeouts[i] = nanosOrNull(t.timeout());
      holdStates[i] = t.holdState().name();
      Refusal r = t.refusal();
      refusals[i] = r == null ? null : r.code();
      codes[i] = t.code();
      created[i] = Instants.toNanos(t.timestamp());
      Description d = t.description();
      if (d != null) {
        descriptionKinds[i] = d.kind();
        descriptionBodies[i] = d.body();
      }
      transferSeals[i] = seals == null ? null : seals.transferSeal(i);
    }
    // Java arrays, which the driver encodes itself (numbers in binary), rather than
    // Connection.createArrayOf, whose type-name look-ups and text encoding cost more client time
    // than the rest of a debit's JDBC work; UUIDs travel as text, which the statement casts
    Object[] columns = {
      ids,
      debits,
      credits,
      amounts,
      kinds,
      pending,
      timeouts,
      holdStates,
      refusals,
      codes,
      created,
      descriptionKinds,
      descriptionBodies,
      transferSeals
    };
    int k = 1;
    for (Object column : columns) {
      ps.setObject(k++, column);
    }
    return k;
  }

  /** Binds the new images and, as their guard, the images they were judged by, as arrays. */
  private int bindAccounts(
      PreparedStatement ps, int first, List<Account> accounts, @Nullable Sealing seals)
      throws SQLException {
    int n = accounts.size();
    long[] ids = new long[n];
    String[] states = new String[n];
    long[] posted = new long[n];
    long[] reserved = new long[n];
    @Nullable Long[] expiresAt = new Long[n];
    String[] wasStates = new String[n];
    long[] wasPosted = new long[n];
    long[] wasReserved = new long[n];
    @Nullable Long[] wasExpiresAt = new Long[n];
    byte[] @Nullable [] heads = new byte[n][];
    byte[] @Nullable [] accountSeals = new byte[n][];
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      Account was = JdbcTx.judgedBy(judgedBy, a.id());
      ids[i] = a.id().value();
      states[i] = a.state().name();
      posted[i] = a.posted();
      reserved[i] = a.reserved();
      expiresAt[i] = nanosOrNull(a.expiresAt());
      wasStates[i] = was.state().name();
      wasPosted[i] = was.posted();
      wasReserved[i] = was.reserved();
      wasExpiresAt[i] = nanosOrNull(was.expiresAt());
      heads[i] = seals == null ? null : seals.head(a.id());
      accountSeals[i] = seals == null ? null : seals.seal(a.id());
    }
    Object[] columns = {
      ids,
      states,
      posted,
      reserved,
      expiresAt,
      wasStates,
      wasPosted,
      wasReserved,
      wasExpiresAt,
      heads,
      accountSeals
    };
    int k = first;
    for (Object column : columns) {
      ps.setObject(k++, column);
    }
    return k;
  }

  private static @Nullable Long nanosOrNull(@Nullable Instant instant) {
    return instant == null ? null : Instants.toNanos(instant);
  }
}
