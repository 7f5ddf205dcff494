package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Refusal;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.SettlementTerminal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What an operator reads through the public API: revenue, a till's cash, an ID's journal. */
class OperatorReadsTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final IdSettle settle = IdSettle.builder(MemoryStore.create()).issuerKey(KEY).build();

  @Test
  void revenueSumsEveryShardAndCashIsNetOfReversals() {
    assertThat(settle.revenue("phone")).isEqualTo(eur(0));
    assertThat(settle.cash("till-1")).isEqualTo(eur(0));
    List<IdNumber> ids = settle.issuer().issue(2, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("till-1");
    till.activate(ids.get(0), eur(5_000), "s1");
    till.activate(ids.get(1), eur(300), "s2");
    till.reverse(ids.get(1), "s2");
    assertThat(settle.cash("till-1")).isEqualTo(eur(5_000));
    assertThat(settle.cash("till-2")).isEqualTo(eur(0));

    SettlementAuthenticator phone = settle.authenticator(new Service("phone", eur(0)));
    long paid = 0;
    for (int kiosk = 0; kiosk < 40; kiosk++) {
      // forty kiosks spread the debits over many revenue shards
      phone.authorize(new AuthorizationRequest(ids.get(0), eur(kiosk + 1), "kiosk-" + kiosk, "r"));
      paid += kiosk + 1;
    }
    assertThat(settle.revenue("phone")).isEqualTo(eur(paid));
    assertThat(settle.revenue("video")).isEqualTo(eur(0));
    assertThat(settle.account(ids.get(0)).orElseThrow().posted()).isEqualTo(5_000 - paid);
  }

  /** The revenue of a service is one store call, whatever its shard count, and no single reads. */
  @Test
  void revenueIsOneStoreCall() {
    AtomicInteger batched = new AtomicInteger();
    AtomicInteger single = new AtomicInteger();
    WrappingStore counting =
        new WrappingStore(MemoryStore.create()) {
          @Override
          public Map<AccountId, Account> findAccounts(Collection<AccountId> ids) {
            batched.incrementAndGet();
            return super.findAccounts(ids);
          }

          @Override
          public Optional<Account> findAccount(AccountId id) {
            single.incrementAndGet();
            return super.findAccount(id);
          }
        };
    IdSettle counted = IdSettle.builder(counting).issuerKey(KEY).build();
    IdNumber id = counted.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    counted.terminal("till").activate(id, eur(100), "sale");
    counted
        .authenticator(new Service("phone", eur(0)))
        .authorize(new AuthorizationRequest(id, eur(7), "kiosk", "r"));
    single.set(0);
    assertThat(counted.revenue("phone")).isEqualTo(eur(7));
    assertThat(batched.get()).isEqualTo(1);
    assertThat(single.get()).isZero();
  }

  @Test
  void theJournalOfAnIdPagesOldestFirstWithRefusals() {
    IdNumber id = settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    settle.terminal("till").activate(id, eur(100), "sale");
    SettlementAuthenticator phone = settle.authenticator(new Service("phone", eur(0)));
    for (int i = 0; i < 7; i++) {
      phone.authorize(new AuthorizationRequest(id, eur(20), "kiosk", "r" + i));
    }
    List<Transfer> all = new ArrayList<>();
    for (int offset = 0; ; offset += 3) {
      List<Transfer> page = settle.journal(id, offset, 3);
      all.addAll(page);
      if (page.size() < 3) {
        break;
      }
    }
    assertThat(all).hasSize(8);
    assertThat(all.get(0).code()).isEqualTo("activation");
    assertThat(all.subList(1, 6)).allMatch(Transfer::applied);
    assertThat(all.subList(6, 8)).allMatch(t -> t.refusal() != null);
    assertThat(all.get(7).refusal()).isEqualTo(Refusal.EXHAUSTED);
    IdNumber stranger = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    assertThat(settle.journal(stranger, 0, 10)).isEmpty();
    assertThatThrownBy(() -> settle.journal(id, 0, 0))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> settle.journal(id, -1, 5))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("offset");
  }

  private static Money eur(long minor) {
    return Money.of(minor, "EUR");
  }
}
