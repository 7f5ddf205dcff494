package dev.idsettle.store.jdbc.internal;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.spi.SealedJournal.SealedAccount;
import dev.idsettle.spi.SealedJournal.SealedTransfer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The read-only statements, each one round trip on a connection the caller owns. */
public final class Lookups {
  private final Dialect dialect;
  private final String lockAccounts;
  private final String accountsById;
  private final String accountsByHash;
  private final String existingAccountIds;
  private final String existingIdHashes;
  private final String transfersById;
  private final String expiredHoldsOfAccounts;
  // an ID account a look-up by ID hash found, read in place of one a look-up does not find; 0 none
  private volatile long readInstead;

  /** Lookups in {@code dialect}. */
  public Lookups(Dialect dialect) {
    this.dialect = dialect;
    this.lockAccounts = dialect.beforeLock() + Sql.lockAccounts(dialect) + dialect.rowLockClause();
    this.accountsById = Sql.accountsById(dialect);
    this.accountsByHash = Sql.accountsByHash(dialect);
    this.existingAccountIds = Sql.existingAccountIds(dialect);
    this.existingIdHashes = Sql.existingIdHashes(dialect);
    this.transfersById = Sql.transfersById(dialect);
    this.expiredHoldsOfAccounts = Sql.expiredHoldsOfAccounts(dialect);
  }

  /** The statement that finds which of a list of account ids exist. */
  String existingAccountIds() {
    return existingAccountIds;
  }

  /** The statement that finds which of a list of ID hashes exist. */
  String existingIdHashes() {
    return existingIdHashes;
  }

  /** The statement that reads and locks accounts by id, in id order. */
  String lockAccounts() {
    return lockAccounts;
  }

  /** The account with {@code id}. */
  public Optional<Account> account(Connection c, AccountId id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.ACCOUNT_BY_ID)) {
      ps.setLong(1, id.value());
      return single(ps);
    }
  }

  /** The accounts among {@code ids} that exist, by id, in one round trip. */
  public Map<AccountId, Account> accounts(Connection c, Collection<AccountId> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<AccountId, Account> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(accountsById)) {
      bindLongs(c, ps, 1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Account a = Rows.account(rs);
          found.put(a.id(), a);
        }
      }
    }
    return found;
  }

  /** The accounts whose ID hashes are among {@code hashes}, by hash. */
  public Map<IdHash, Account> accountsByHash(Connection c, Collection<IdHash> hashes)
      throws SQLException {
    if (hashes.isEmpty()) {
      return Map.of();
    }
    if (hashes.size() == 1) {
      return accountByHash(c, hashes.iterator().next());
    }
    List<byte[]> bytes = new ArrayList<>(hashes.size());
    for (IdHash h : hashes) {
      bytes.add(h.toBytes());
    }
    Map<IdHash, Account> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(accountsByHash)) {
      bindBinaries(c, ps, 1, bytes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Account a = Rows.account(rs);
          found.put(Objects.requireNonNull(a.idHash()), a);
        }
      }
    }
    return found;
  }

  /**
   * The look-up of one hash (each authorization's): a hash that finds nothing reads another row in
   * its place, which is dropped here, so that it costs what a found one does.
   */
  private Map<IdHash, Account> accountByHash(Connection c, IdHash hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.ACCOUNT_BY_HASH_OR_ANOTHER)) {
      ps.setBytes(1, hash.toBytes());
      ps.setLong(2, readInstead);
      Optional<Account> row = single(ps);
      if (row.isEmpty() || !hash.equals(row.get().idHash())) {
        return Map.of();
      }
      readInstead = row.get().id().value();
      return Map.of(hash, row.get());
    }
  }

  private static Optional<Account> single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(Rows.account(rs)) : Optional.empty();
    }
  }

  /** The transfers among {@code ids} that exist. */
  public Map<TransferId, Transfer> transfers(Connection c, Collection<TransferId> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return Map.of();
    }
    try (PreparedStatement ps = c.prepareStatement(transfersById)) {
      bindUuids(c, ps, 1, ids);
      Map<TransferId, Transfer> found = new HashMap<>();
      for (Transfer t : list(ps)) {
        found.put(t.id(), t);
      }
      return found;
    }
  }

  /** A page of {@code account}'s transfers, oldest first. */
  public List<Transfer> transfersOf(Connection c, AccountId account, int offset, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.TRANSFERS_OF_ACCOUNT)) {
      ps.setLong(1, account.value());
      ps.setLong(2, account.value());
      ps.setInt(3, limit);
      ps.setInt(4, offset);
      return list(ps);
    }
  }

  /** Up to {@code limit} open holds whose timeout is at or before {@code now}, earliest first. */
  public List<Transfer> expiredHolds(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.EXPIRED_HOLDS)) {
      ps.setLong(1, Instants.toNanos(now));
      ps.setInt(2, limit);
      return list(ps);
    }
  }

  /** Open holds debiting one of {@code accounts} whose timeout is at or before {@code now}. */
  public List<Transfer> expiredHolds(Connection c, Collection<AccountId> accounts, Instant now)
      throws SQLException {
    if (accounts.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement(expiredHoldsOfAccounts)) {
      bindLongs(c, ps, 1, accounts);
      ps.setLong(2, Instants.toNanos(now));
      return list(ps);
    }
  }

  /** Up to {@code limit} accounts with ids above {@code afterId}, with their seals. */
  public List<SealedAccount> sealedAccounts(Connection c, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.SEALED_ACCOUNTS)) {
      ps.setLong(1, afterId);
      ps.setInt(2, limit);
      List<SealedAccount> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Rows.sealedAccount(rs));
        }
      }
      return out;
    }
  }

  /** Up to {@code limit} transfers written after {@code afterSeq}, with their seals. */
  public List<SealedTransfer> sealedTransfers(Connection c, long afterSeq, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(Sql.SEALED_TRANSFERS)) {
      ps.setLong(1, afterSeq);
      ps.setInt(2, limit);
      List<SealedTransfer> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Rows.sealedTransfer(rs, dialect));
        }
      }
      return out;
    }
  }

  List<Transfer> list(PreparedStatement ps) throws SQLException {
    List<Transfer> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(Rows.transfer(rs, dialect));
      }
    }
    return out;
  }

  /** Binds {@code ids} as a list parameter ({@link Dialect#inList}). */
  void bindLongs(Connection c, PreparedStatement ps, int index, Collection<AccountId> ids)
      throws SQLException {
    long[] values = new long[ids.size()];
    int i = 0;
    for (AccountId id : ids) {
      values[i++] = id.value();
    }
    dialect.bindLongs(c, ps, index, values);
  }

  private void bindUuids(Connection c, PreparedStatement ps, int index, Collection<TransferId> ids)
      throws SQLException {
    UUID[] values = new UUID[ids.size()];
    int i = 0;
    for (TransferId id : ids) {
      values[i++] = id.toUuid();
    }
    dialect.bindUuids(c, ps, index, values);
  }

  /** Binds {@code values} as a list parameter ({@link Dialect#inList}). */
  void bindBinaries(Connection c, PreparedStatement ps, int index, Collection<byte[]> values)
      throws SQLException {
    dialect.bindBinaries(c, ps, index, values.toArray(new byte[0][]));
  }

  Dialect dialect() {
    return dialect;
  }
}
