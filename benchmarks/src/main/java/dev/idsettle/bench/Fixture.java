package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.ActivationResult;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.SettlementTerminal;
import dev.idsettle.spi.LedgerStore;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

/** An idsettle over a store with IDs issued and activated with balances no benchmark exhausts. */
final class Fixture {
  static final Currency EUR = Currency.getInstance("EUR");

  /** Ten billion euros per ID: at one cent per debit, no run comes close. */
  static final long BALANCE = 1_000_000_000_000L;

  private final byte[] issuerKey;
  private final IdSettle settle;
  private final IdNumber[] ids;

  private Fixture(byte[] issuerKey, IdSettle settle, IdNumber[] ids) {
    this.issuerKey = issuerKey;
    this.settle = settle;
    this.ids = ids;
  }

  /** Issues {@code count} IDs over {@code store} and activates each one at a terminal. */
  static Fixture activeIds(LedgerStore store, int count) {
    byte[] key = new byte[32];
    new SplittableRandom(42).nextBytes(key);
    IdSettle settle =
        IdSettle.builder(store)
            .issuerKey(key)
            .currency(EUR)
            .maxActivationAmount(Money.of(BALANCE, EUR))
            .build();
    List<IdNumber> issued = settle.issuer().issue(count, ExpiryPolicy.never()).ids();
    SettlementTerminal till = settle.terminal("bench-till");
    Money balance = Money.of(BALANCE, EUR);
    for (int i = 0; i < issued.size(); i++) {
      ActivationResult result = till.activate(issued.get(i), balance, "activation-" + i);
      if (!(result instanceof Activated)) {
        throw new IllegalStateException("set-up activation " + i + " failed: " + result);
      }
    }
    return new Fixture(key, settle, issued.toArray(new IdNumber[0]));
  }

  /** A copy of the issuer key, for a baseline that hashes the same way. */
  byte[] issuerKey() {
    return issuerKey.clone();
  }

  IdSettle settle() {
    return settle;
  }

  /** The active IDs; callers only read the array. */
  IdNumber[] ids() {
    return ids;
  }
}
