package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.BatchState;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.DenialReason;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.SettlementManager;
import dev.idsettle.roles.Slip;
import dev.idsettle.roles.Slips;
import dev.idsettle.roles.SlipsActivated;
import dev.idsettle.tck.MutableClock;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database upgraded from before slips carried their mark (session 13): its batches are exactly
 * today's batches without the mark keys (the rows tagged {@code slip}), which is how this test
 * makes one, on a database file reopened by a new {@link IdSettle} as an upgraded application
 * would. There an ordinary activation sells a slip; once {@link Slips#markSlips} has run, the
 * ordinary activations refuse the batch's slips, the slip checks still sell them, and a second run
 * marks nothing.
 */
class H2SlipMarksUpgradeTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private final byte[] key = new byte[32];

  private IdSettle open(HikariDataSource pool) {
    return IdSettle.builder(JdbcStore.builder(pool).build()).issuerKey(key).clock(clock).build();
  }

  private static Money eur(long minor) {
    return Money.of(minor, EUR);
  }

  private static String ref() {
    return UUID.randomUUID().toString();
  }

  @Test
  void markSlipsClosesTheOrdinaryActivationsToAnOldBatch() throws SQLException {
    new SecureRandom().nextBytes(key);
    try (HikariDataSource pool = TestDatabases.h2Pool(TestDatabases.newH2Url("slipmarks"), 2)) {
      SchemaMigrator.of(pool).migrate();
      Slips before = Slips.over(SettlementManager.over(open(pool)));
      IssuedSlips batch = before.issue("OLD1", 1, 3, eur(500), null, ExpiryPolicy.never());
      before.advance("OLD1", BatchState.PRINTED);
      before.advance("OLD1", BatchState.DISTRIBUTED);
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        assertThat(s.executeUpdate("DELETE FROM idsettle_account_key WHERE tag = 'slip'"))
            .isEqualTo(3);
      }
      IdSettle upgraded = open(pool);
      Slips slips = Slips.over(SettlementManager.over(upgraded));
      List<Slip> issued = batch.slips();

      // the hole: an unmarked slip is sold without the slip checks
      assertThat(upgraded.terminal("till").activate(issued.get(0).id(), eur(500), ref()))
          .isInstanceOf(Activated.class);
      assertThat(slips.markSlips("OLD1")).isEqualTo(3);

      assertThat(upgraded.terminal("till").activate(issued.get(1).id(), eur(500), ref()))
          .isInstanceOfSatisfying(
              Denial.class, d -> assertThat(d.reason()).isEqualTo(DenialReason.SLIP_ONLY));
      assertThat(
              slips.activate("till", List.of(issued.get(1).printed()), eur(500), "sheet-" + ref()))
          .isInstanceOf(SlipsActivated.class);
      assertThat(slips.markSlips("OLD1")).isZero();
    }
  }
}
