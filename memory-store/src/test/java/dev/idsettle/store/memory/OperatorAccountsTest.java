package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.OperatorAccounts;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.spi.LedgerStore;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public names of the operator's accounts: stable (they are persisted), spread over as many
 * revenue shards as the store declares, and the ones the roles post to.
 */
class OperatorAccountsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** A memory store declaring {@code shards} revenue shards. */
  private static LedgerStore withShards(int shards) {
    return new WrappingStore(MemoryStore.create()) {
      @Override
      public int revenueShards() {
        return shards;
      }
    };
  }

  @Test
  void operatorAccountIdsAreTheOnesStoresAlreadyHold() {
    OperatorAccounts accounts = OperatorAccounts.of(MemoryStore.create(), EUR);
    assertThat(accounts.revenueShards()).isEqualTo(OperatorAccounts.MAX_REVENUE_SHARDS);
    assertThat(accounts.revenueAccounts("bench").get(7))
        .isEqualTo(new AccountId(620393071589678632L));
    assertThat(accounts.cash("till-1")).isEqualTo(new AccountId(1341617982673952378L));
    assertThat(accounts.revenueAccounts("bench")).hasSize(256).doesNotHaveDuplicates();
    // the shard of a requester is the one every release before this one chose
    assertThat(accounts.revenueShard("kiosk-1")).isEqualTo(accounts.revenueShard("kiosk-1"));
    Set<Integer> shards = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      int shard = accounts.revenueShard("kiosk-" + i);
      assertThat(accounts.revenue("bench", "kiosk-" + i))
          .isEqualTo(accounts.revenueAccounts("bench").get(shard));
      shards.add(shard);
    }
    assertThat(shards).hasSizeGreaterThan(40);
  }

  @Test
  void aStoreWithOneShardPutsAllRevenueInTheFirstAccount() {
    OperatorAccounts one = OperatorAccounts.of(withShards(1), EUR);
    OperatorAccounts many = OperatorAccounts.of(MemoryStore.create(), EUR);
    assertThat(one.revenueAccounts("phone")).containsExactly(many.revenueAccounts("phone").get(0));
    assertThat(one.revenue("phone", "kiosk-7")).isEqualTo(many.revenueAccounts("phone").get(0));
    assertThat(one.cash("till-1")).isEqualTo(many.cash("till-1"));
  }

  @Test
  void theRolesCreditTheStoresShardsAndRevenueSumsThem() {
    for (int shards : new int[] {1, 3, 256}) {
      IdSettle settle = IdSettle.builder(withShards(shards)).issuerKey(KEY).build();
      OperatorAccounts accounts = settle.operatorAccounts();
      assertThat(accounts.revenueShards()).isEqualTo(shards);
      IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
      settle.terminal("till").activate(id, eur(1_000), "sale");
      SettlementAuthenticator phone = settle.authenticator(new Service("phone", eur(0)));
      for (int kiosk = 0; kiosk < 10; kiosk++) {
        assertThat(phone.authorize(new AuthorizationRequest(id, eur(kiosk + 1), "k" + kiosk, "r")))
            .isInstanceOf(Permit.class);
      }
      assertThat(settle.revenue("phone")).isEqualTo(eur(55));
      long credited = 0;
      for (AccountId shard : accounts.revenueAccounts("phone")) {
        credited += settle.ledger().account(shard).orElseThrow().posted();
      }
      assertThat(credited).isEqualTo(55);
      assertThat(settle.ledger().account(accounts.revenue("phone", "k3")).orElseThrow().posted())
          .isPositive();
      assertThat(settle.cash("till")).isEqualTo(eur(1_000));
      assertThat(settle.ledger().account(accounts.cash("till")).orElseThrow().posted())
          .isEqualTo(-1_000);
    }
  }

  @Test
  void aShardCountOutOfRangeIsATypedErrorNamingIt() {
    assertThatThrownBy(() -> OperatorAccounts.of(withShards(0), EUR))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("store.revenueShards");
    assertThatThrownBy(() -> OperatorAccounts.of(withShards(257), EUR))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("store.revenueShards");
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
