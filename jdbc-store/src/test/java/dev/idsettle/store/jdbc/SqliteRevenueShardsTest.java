package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.OperatorAccounts;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On SQLite (one writer) a new file keeps a service's revenue in one account; a file made before
 * the shard count was the store's keeps its 256, so that its revenue sums right and a debit retried
 * across the upgrade credits the account it credited and replays.
 */
class SqliteRevenueShardsTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final int KIOSKS = 12;

  @Test
  void aNewFileKeepsRevenueInOneAccount() {
    try (HikariDataSource pool = migrated("one-shard")) {
      JdbcStore store = JdbcStore.builder(pool).build();
      assertThat(store.revenueShards()).isEqualTo(1);
      IdSettle settle = IdSettle.builder(store).issuerKey(KEY).build();
      IdNumber id = activated(settle);
      payFromEveryKiosk(settle, id);
      assertThat(settle.revenue("phone")).isEqualTo(eur(paid()));
      List<AccountId> legacyNames = legacyRevenueAccounts(settle);
      assertThat(store.findAccounts(legacyNames)).containsOnlyKeys(legacyNames.get(0));
    }
  }

  @Test
  void aFileMadeBeforeKeepsItsShardsAcrossTheUpgrade() throws SQLException {
    try (HikariDataSource pool = migrated("legacy")) {
      // what a file made by the release before this one has: no mark in its header
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("PRAGMA user_version = 0");
      }
      JdbcStore before = JdbcStore.builder(pool).build();
      assertThat(before.revenueShards()).isEqualTo(256);
      IdSettle old = IdSettle.builder(before).issuerKey(KEY).build();
      IdNumber id = activated(old);
      List<AuthorizationResult> first = payFromEveryKiosk(old, id);
      List<AccountId> credited =
          new ArrayList<>(before.findAccounts(legacyRevenueAccounts(old)).keySet());
      assertThat(credited).hasSizeGreaterThan(KIOSKS / 2);

      // the upgraded process opens the same file
      JdbcStore after = JdbcStore.builder(pool).build();
      assertThat(after.revenueShards()).isEqualTo(256);
      IdSettle upgraded = IdSettle.builder(after).issuerKey(KEY).build();
      assertThat(upgraded.revenue("phone")).isEqualTo(eur(paid()));
      List<AuthorizationResult> retried = payFromEveryKiosk(upgraded, id);
      for (int i = 0; i < KIOSKS; i++) {
        Permit permit = (Permit) retried.get(i);
        assertThat(permit.replayed()).as("kiosk %s", i).isTrue();
        assertThat(permit.transferId()).isEqualTo(((Permit) first.get(i)).transferId());
      }
      assertThat(upgraded.revenue("phone")).isEqualTo(eur(paid()));
    }
  }

  @Test
  void aFileMigratedBySeveralStepsIsMarkedOnceAtItsFirst() {
    try (HikariDataSource pool = migrated("marked")) {
      assertThat(SchemaMigrator.of(pool).migrate()).isEqualTo(SchemaMigrator.currentVersion());
      assertThat(JdbcStore.builder(pool).build().revenueShards()).isEqualTo(1);
    }
  }

  private static HikariDataSource migrated(String name) {
    HikariDataSource pool = TestDatabases.sqlitePool(TestDatabases.newSqliteUrl(name), 2);
    SchemaMigrator.of(pool).migrate();
    return pool;
  }

  private static IdNumber activated(IdSettle settle) {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till").activate(id, eur(10_000), "sale");
    return id;
  }

  /** One debit from each kiosk, each under its own reference: {@link #paid()} in all. */
  private static List<AuthorizationResult> payFromEveryKiosk(IdSettle settle, IdNumber id) {
    SettlementAuthenticator phone = settle.authenticator(new Service("phone", eur(0)));
    List<AuthorizationResult> out = new ArrayList<>();
    for (int kiosk = 0; kiosk < KIOSKS; kiosk++) {
      AuthorizationResult r =
          phone.authorize(new AuthorizationRequest(id, eur(kiosk + 1), "kiosk-" + kiosk, "r"));
      assertThat(r).isInstanceOf(Permit.class);
      out.add(r);
    }
    return out;
  }

  private static long paid() {
    return (long) KIOSKS * (KIOSKS + 1) / 2;
  }

  /** The 256 names a service's revenue had before the count was the store's. */
  private static List<AccountId> legacyRevenueAccounts(IdSettle settle) {
    OperatorAccounts all =
        OperatorAccounts.of(
            new dev.idsettle.spi.ForwardingLedgerStore() {
              @Override
              protected dev.idsettle.spi.LedgerStore delegate() {
                return settle.ledger().store();
              }

              @Override
              public int revenueShards() {
                return OperatorAccounts.MAX_REVENUE_SHARDS;
              }
            },
            settle.currency());
    return all.revenueAccounts("phone");
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
