package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Inserts accounts in JDBC batches, skipping those that exist by id or ID hash. Existing ones are
 * found by a few array look-ups first (so that a conflict never aborts the transaction); on
 * PostgreSQL the insert also says {@code ON CONFLICT DO NOTHING}, which covers a concurrent insert
 * of the same account, while on H2 such a race fails with a unique violation that the ledger
 * retries.
 */
final class AccountInserter {
  /** Array parameters and batches of this size keep memory flat for 100 000 accounts. */
  static final int CHUNK = 5_000;

  private final Connection connection;
  private final Lookups lookups;
  private final JdbcTx.RowsChanged changed;

  AccountInserter(Connection connection, Lookups lookups, JdbcTx.RowsChanged changed) {
    this.connection = connection;
    this.lookups = lookups;
    this.changed = changed;
  }

  Set<AccountId> insert(List<Account> accounts) {
    Set<AccountId> existed = new LinkedHashSet<>();
    try {
      List<Account> fresh = withoutDuplicates(accounts, existed);
      List<Account> toInsert = new ArrayList<>(fresh.size());
      for (List<Account> chunk : Rows.slices(fresh, CHUNK)) {
        toInsert.addAll(withoutExisting(chunk, existed));
      }
      // in key order, B-tree inserts touch each page once instead of at random
      toInsert.sort(Comparator.comparing(Account::id));
      int batch = Math.min(CHUNK, lookups.dialect().rowsBetweenWrites());
      for (List<Account> some : Rows.slices(toInsert, batch)) {
        insertBatch(some, existed);
        changed.rows(some.size());
      }
      return existed;
    } catch (SQLException e) {
      if (Failures.UNIQUE_VIOLATION.equals(Failures.sqlState(e))) {
        throw new RetryableStoreException(
            "an account was inserted by a concurrent transaction" + Failures.detail(e), e);
      }
      throw Failures.beforeCommit("inserting accounts", e);
    }
  }

  /** The first of several accounts with one id or one ID hash wins; the others "existed". */
  private static List<Account> withoutDuplicates(List<Account> accounts, Set<AccountId> existed) {
    Set<AccountId> ids = new HashSet<>();
    Set<IdHash> hashes = new HashSet<>();
    List<Account> fresh = new ArrayList<>(accounts.size());
    for (Account a : accounts) {
      IdHash hash = a.idHash();
      if (!ids.add(a.id()) || (hash != null && !hashes.add(hash))) {
        existed.add(a.id());
      } else {
        fresh.add(a);
      }
    }
    return fresh;
  }

  private List<Account> withoutExisting(List<Account> chunk, Set<AccountId> existed)
      throws SQLException {
    Set<Long> takenIds = new HashSet<>();
    List<AccountId> ids = new ArrayList<>(chunk.size());
    List<byte[]> hashes = new ArrayList<>(chunk.size());
    for (Account a : chunk) {
      ids.add(a.id());
      IdHash hash = a.idHash();
      if (hash != null) {
        hashes.add(hash.toBytes());
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(lookups.existingAccountIds())) {
      lookups.bindLongs(connection, ps, 1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          takenIds.add(rs.getLong(1));
        }
      }
    }
    Set<IdHash> takenHashes = new HashSet<>();
    if (!hashes.isEmpty()) {
      try (PreparedStatement ps = connection.prepareStatement(lookups.existingIdHashes())) {
        lookups.bindBinaries(connection, ps, 1, hashes);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            takenHashes.add(IdHash.of(rs.getBytes(1)));
          }
        }
      }
    }
    List<Account> rest = new ArrayList<>(chunk.size());
    for (Account a : chunk) {
      IdHash hash = a.idHash();
      if (takenIds.contains(a.id().value()) || (hash != null && takenHashes.contains(hash))) {
        existed.add(a.id());
      } else {
        rest.add(a);
      }
    }
    return rest;
  }

  private void insertBatch(List<Account> batch, Set<AccountId> existed) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(lookups.dialect().insertAccount())) {
      for (Account a : batch) {
        Rows.bindInsert(ps, a);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      if (counts.length != batch.size()) {
        throw new StoreException(
            "the driver returned "
                + counts.length
                + " row counts for a batch of "
                + batch.size()
                + " account inserts; nothing was committed",
            false);
      }
      for (int i = 0; i < counts.length; i++) {
        // 0: skipped by ON CONFLICT DO NOTHING; a rewritten batch reports SUCCESS_NO_INFO (-2)
        if (counts[i] == 0) {
          existed.add(batch.get(i).id());
        }
      }
    }
  }
}
