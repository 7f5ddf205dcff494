package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.LedgerTx.Changes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a judged batch's transfers and account images with {@link Sql#WRITE_ALL} in one statement,
 * so a debit costs the lock, this and the commit. Each column travels as one array.
 */
final class OneStatementWrite {
  private final Connection connection;
  private final Map<AccountId, Long> versions;

  OneStatementWrite(Connection connection, Map<AccountId, Long> versions) {
    this.connection = connection;
    this.versions = versions;
  }

  /** Writes transfers and accounts; returns without touching {@code resolvedHolds}. */
  void write(Changes changes) {
    List<Account> accounts = changes.accounts();
    if (accounts.isEmpty() && changes.transfers().isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(Sql.WRITE_ALL)) {
      int next = bindTransfers(ps, changes.transfers());
      bindAccounts(ps, next, accounts);
      int rows = ps.executeUpdate();
      if (rows != accounts.size()) {
        throw JdbcTx.changedAfterLock(accounts.size() - rows + " of the accounts written");
      }
      for (Account a : accounts) {
        versions.merge(a.id(), 1L, Long::sum);
      }
    } catch (SQLException e) {
      throw JdbcTx.writeFailed(e);
    }
  }

  private int bindTransfers(PreparedStatement ps, List<Transfer> transfers) throws SQLException {
    int n = transfers.size();
    UUID[] ids = new UUID[n];
    Long[] debits = new Long[n];
    Long[] credits = new Long[n];
    Long[] amounts = new Long[n];
    String[] kinds = new String[n];
    @Nullable UUID[] pending = new UUID[n];
    @Nullable Long[] timeouts = new Long[n];
    String[] holdStates = new String[n];
    @Nullable String[] refusals = new String[n];
    String[] codes = new String[n];
    Long[] created = new Long[n];
    for (int i = 0; i < n; i++) {
      Transfer t = transfers.get(i);
      ids[i] = t.id().toUuid();
      debits[i] = t.debit().value();
      credits[i] = t.credit().value();
      amounts[i] = t.amount();
      kinds[i] = t.kind().name();
      TransferId p = t.pendingId();
      pending[i] = p == null ? null : p.toUuid();
      timeouts[i] = nanosOrNull(t.timeout());
      holdStates[i] = t.holdState().name();
      Refusal r = t.refusal();
      refusals[i] = r == null ? null : r.name();
      codes[i] = t.code();
      created[i] = Instants.toNanos(t.timestamp());
    }
    int k = 1;
    ps.setArray(k++, array("uuid", ids));
    ps.setArray(k++, array("int8", debits));
    ps.setArray(k++, array("int8", credits));
    ps.setArray(k++, array("int8", amounts));
    ps.setArray(k++, array("varchar", kinds));
    ps.setArray(k++, array("uuid", pending));
    ps.setArray(k++, array("int8", timeouts));
    ps.setArray(k++, array("varchar", holdStates));
    ps.setArray(k++, array("varchar", refusals));
    ps.setArray(k++, array("varchar", codes));
    ps.setArray(k++, array("int8", created));
    return k;
  }

  private void bindAccounts(PreparedStatement ps, int first, List<Account> accounts)
      throws SQLException {
    int n = accounts.size();
    Long[] ids = new Long[n];
    String[] states = new String[n];
    Long[] posted = new Long[n];
    Long[] reserved = new Long[n];
    @Nullable Long[] expiresAt = new Long[n];
    Long[] lockedVersions = new Long[n];
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      ids[i] = a.id().value();
      states[i] = a.state().name();
      posted[i] = a.posted();
      reserved[i] = a.reserved();
      expiresAt[i] = nanosOrNull(a.expiresAt());
      lockedVersions[i] = JdbcTx.lockedVersion(versions, a.id());
    }
    int k = first;
    ps.setArray(k++, array("int8", ids));
    ps.setArray(k++, array("varchar", states));
    ps.setArray(k++, array("int8", posted));
    ps.setArray(k++, array("int8", reserved));
    ps.setArray(k++, array("int8", expiresAt));
    ps.setArray(k, array("int8", lockedVersions));
  }

  private java.sql.Array array(String type, @Nullable Object[] values) throws SQLException {
    return connection.createArrayOf(type, values);
  }

  private static @Nullable Long nanosOrNull(@Nullable Instant instant) {
    return instant == null ? null : Instants.toNanos(instant);
  }
}
