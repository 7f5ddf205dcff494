package dev.idsettle.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.sales.JdbcSaleRecords;
import dev.idsettle.store.jdbc.JdbcStore;
import dev.idsettle.store.jdbc.SchemaMigrator;
import dev.idsettle.store.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation on an embedded PostgreSQL store that does not seal: the same world agrees, with a
 * note that only balances were checked; then a balance changed in SQL is found by the journal.
 */
class ReconcileOnPostgresTest {

  @Test
  void aCleanLedgerAgreesAndABalanceChangedInSqlIsFound() throws Exception {
    try (HikariDataSource pool = TestDatabases.postgres()) {
      SchemaMigrator.of(pool).migrate();
      try (World world = new World(JdbcStore.builder(pool).build(), JdbcSaleRecords.create(pool))) {
        world.trade();
        Reconciler reconciler =
            Reconciler.builder(world.settle).sales(world.bank, world.records).build();

        Reconciliation clean = reconciler.reconcile();
        assertThat(clean.differences()).isEmpty();
        assertThat(clean.notes())
            .containsExactly("the store keeps no seals: balances were checked against the journal");
        assertThat(clean.callRecords()).isEqualTo(2);
        assertThat(clean.orders()).isEqualTo(2);

        AccountId cash = world.settle.operatorAccounts().cash("kiosk");
        try (Connection c = pool.getConnection();
            PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE idsettle_account SET posted = posted - 7 WHERE id = ?")) {
          ps.setLong(1, cash.value());
          assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        assertThat(reconciler.reconcile().differences())
            .extracting(
                Difference::kind, Difference::subject, Difference::expected, Difference::found)
            .containsExactlyInAnyOrder(
                tuple(DifferenceKind.BALANCE_MISMATCH, "account " + cash, "-1000", "-1007"),
                tuple(DifferenceKind.VALUE_NOT_CONSERVED, "currency EUR", "0", "-7"));
      }
    }
  }
}
