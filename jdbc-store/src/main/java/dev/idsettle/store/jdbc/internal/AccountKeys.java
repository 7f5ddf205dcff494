package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKey;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.spi.RetryableStoreException;
import dev.idsettle.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The statements of account keys (schema version 4, {@code idsettle_account_key}). Kept apart from
 * {@link Sql}: the same standard SQL in every dialect, with the look-up by a list of hashes written
 * by the dialect ({@link Dialect#inList}).
 */
public final class AccountKeys {
  static final String COLUMNS = "hash, account_id, owner_id, tag";

  static final String BY_OWNER =
      "SELECT " + COLUMNS + " FROM idsettle_account_key WHERE owner_id = ? ORDER BY seq";

  static final String INSERT =
      "INSERT INTO idsettle_account_key (hash, account_id, owner_id, tag) VALUES (?, ?, ?, ?)";

  private final Lookups lookups;
  private final String byHash;

  /** The key statements of {@code lookups}' dialect. */
  public AccountKeys(Lookups lookups) {
    this.lookups = lookups;
    this.byHash =
        "SELECT "
            + COLUMNS
            + " FROM idsettle_account_key WHERE "
            + lookups.dialect().inList("hash", Dialect.Values.BINARIES);
  }

  /** The keys among {@code hashes} that exist. */
  public Map<IdHash, AccountKey> find(Connection c, Collection<IdHash> hashes) throws SQLException {
    if (hashes.isEmpty()) {
      return Map.of();
    }
    List<byte[]> bytes = new ArrayList<>(hashes.size());
    for (IdHash h : hashes) {
      bytes.add(h.toBytes());
    }
    Map<IdHash, AccountKey> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(byHash)) {
      lookups.bindBinaries(c, ps, 1, bytes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AccountKey k = row(rs);
          found.put(k.hash(), k);
        }
      }
    }
    return found;
  }

  /** The keys owned by {@code owner}, oldest first. */
  public List<AccountKey> ownedBy(Connection c, AccountId owner) throws SQLException {
    List<AccountKey> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(BY_OWNER)) {
      ps.setLong(1, owner.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  /**
   * Inserts the keys whose hashes do not exist. Existing ones are read first, so that a conflict
   * never aborts the transaction; a concurrent insert of the same hash fails with a unique
   * violation, reported as a conflict that the ledger retries (and the retry finds the key).
   */
  Set<IdHash> insert(Connection c, List<AccountKey> keys) {
    Set<IdHash> existed = new LinkedHashSet<>();
    try {
      List<IdHash> hashes = new ArrayList<>(keys.size());
      for (AccountKey k : keys) {
        hashes.add(k.hash());
      }
      Set<IdHash> taken = find(c, hashes).keySet();
      Set<IdHash> seen = new LinkedHashSet<>();
      List<AccountKey> fresh = new ArrayList<>(keys.size());
      for (AccountKey k : keys) {
        if (taken.contains(k.hash()) || !seen.add(k.hash())) {
          existed.add(k.hash());
        } else {
          fresh.add(k);
        }
      }
      if (!fresh.isEmpty()) {
        insertBatch(c, fresh);
      }
      return existed;
    } catch (SQLException e) {
      if (Failures.UNIQUE_VIOLATION.equals(Failures.sqlState(e))) {
        throw new RetryableStoreException(
            "an account key was inserted by a concurrent transaction" + Failures.detail(e), e);
      }
      throw Failures.beforeCommit("inserting account keys", e);
    }
  }

  private static void insertBatch(Connection c, List<AccountKey> keys) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (AccountKey k : keys) {
        ps.setBytes(1, k.hash().toBytes());
        ps.setLong(2, k.account().value());
        AccountId owner = k.owner();
        if (owner == null) {
          ps.setNull(3, Types.BIGINT);
        } else {
          ps.setLong(3, owner.value());
        }
        ps.setString(4, k.tag());
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      if (counts.length != keys.size()) {
        throw new StoreException(
            "the driver returned "
                + counts.length
                + " row counts for a batch of "
                + keys.size()
                + " key inserts; nothing was committed",
            false);
      }
    }
  }

  private static AccountKey row(ResultSet rs) throws SQLException {
    long owner = rs.getLong(3);
    @Nullable AccountId ownerId = rs.wasNull() ? null : new AccountId(owner);
    return new AccountKey(
        IdHash.of(rs.getBytes(1)), new AccountId(rs.getLong(2)), ownerId, rs.getString(4));
  }
}
