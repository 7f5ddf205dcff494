package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.AccountKind;
import dev.idsettle.ledger.AccountState;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.IdHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Accounts in slots: many of them, every field, colliding hashes, readers during writes. */
class AccountTableTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  private final AccountTable table = new AccountTable();
  private final SplittableRandom random = new SplittableRandom(3);

  @Test
  void manyAccountsAreFoundByIdAndByHash() {
    List<Account> created = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      Account a =
          i % 100 == 0
              ? Account.operator(AccountId.random(), i % 200 == 0 ? EUR : JPY)
              : Account.issued(AccountId.random(), hash(), EUR, policy(i));
      table.create(a, 0);
      created.add(a);
    }

    assertThat(table.size()).isEqualTo(created.size());
    for (Account a : created) {
      assertThat(table.find(a.id())).isEqualTo(a);
      IdHash hash = a.idHash();
      if (hash != null) {
        assertThat(table.read(table.slotOf(IdHash.of(hash.toBytes())))).isEqualTo(a);
      }
    }
    assertThat(table.find(AccountId.random())).isNull();
    assertThat(table.slotOf(hash())).isZero();
    assertThat(table.idIndex().capacity()).isGreaterThanOrEqualTo(50_000 * 5 / 3);
  }

  @Test
  void theAccountJustFoundByHashIsFoundByItsIdAndNoOther() {
    IdHash hashOfA = hash();
    Account a = Account.issued(AccountId.random(), hashOfA, EUR, ExpiryPolicy.never());
    Account b = Account.issued(AccountId.random(), hash(), EUR, ExpiryPolicy.never());
    table.create(a, 0);
    table.create(b, 0);

    int slotOfA = table.slotOf(hashOfA);
    assertThat(table.slotOf(a.id().value())).isEqualTo(slotOfA);
    assertThat(table.read(table.slotOf(b.id().value()))).isEqualTo(b);
    assertThat(table.slotOf(AccountId.random().value())).isZero();
    assertThat(table.slotOf(hash())).as("a hash not found").isZero();
    assertThat(table.read(table.slotOf(a.id().value()))).isEqualTo(a);
    // what one table remembers for this thread is not another table's
    assertThat(new AccountTable().slotOf(a.id().value())).isZero();
  }

  @Test
  void hashesAgreeingInTheirFirstWordAreToldApart() {
    byte[] bytes = new byte[IdHash.LENGTH];
    random.nextBytes(bytes);
    IdHash first = IdHash.of(bytes);
    bytes[31] ^= 1;
    IdHash second = IdHash.of(bytes);
    bytes[8] ^= 1;
    IdHash unknown = IdHash.of(bytes);
    Account a = Account.issued(AccountId.random(), first, EUR, ExpiryPolicy.never());
    Account b = Account.issued(AccountId.random(), second, EUR, ExpiryPolicy.never());
    table.create(a, 0);
    table.create(b, 0);

    assertThat(table.read(table.slotOf(first))).isEqualTo(a);
    assertThat(table.read(table.slotOf(second))).isEqualTo(b);
    assertThat(table.slotOf(unknown)).isZero();
    int slotOfA = table.slotOf(a.id().value());
    assertThat(table.sameIdHash(slotOfA, a)).isTrue();
    assertThat(table.sameIdHash(slotOfA, b)).isFalse();
  }

  @Test
  void anUpdateWritesEveryChangeableFieldExactly() {
    Account a = Account.issued(AccountId.random(), hash(), EUR, ExpiryPolicy.afterFirstUse(3));
    int slot = table.create(a, 0);
    for (Instant expiresAt :
        new Instant[] {
          Instant.parse("2026-03-04T05:06:07.000000001Z"), Instant.MAX, Instant.MIN, null
        }) {
      Account image =
          new Account(
              a.id(),
              AccountKind.ID,
              EUR,
              AccountState.EXHAUSTED,
              Long.MIN_VALUE,
              Long.MAX_VALUE,
              ExpiryPolicy.at(Instant.parse("2030-01-01T00:00:00Z")),
              expiresAt,
              a.idHash());
      table.update(slot, image);
      assertThat(table.read(slot)).isEqualTo(image);
    }
    assertThat(table.casChainEnds(slot, 0, (77L << 32) | 9)).isTrue();
    assertThat(table.casChainEnds(slot, 0, (78L << 32) | 10)).isFalse();
    assertThat(table.chainEnds(slot)).isEqualTo((77L << 32) | 9);
    assertThat(table.read(slot).expiry())
        .isEqualTo(ExpiryPolicy.at(Instant.parse("2030-01-01T00:00:00Z")));
  }

  @Test
  void readersNeverSeeHalfAnUpdate() throws Exception {
    Account start = Account.issued(AccountId.random(), hash(), EUR, ExpiryPolicy.never());
    int slot = table.create(image(start, 0), 0);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<@Nullable String> torn = new AtomicReference<>();
    AtomicLong reads = new AtomicLong();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  Account seen = table.read(slot);
                  reads.incrementAndGet();
                  long step = seen.reserved();
                  if (!seen.equals(image(start, step))) {
                    torn.compareAndSet(null, "read " + seen + " at step " + step);
                  }
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (long step = 1; step <= 300_000; step++) {
      table.update(slot, image(start, step));
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }

    assertThat(torn.get()).isNull();
    assertThat(reads.get()).isPositive();
    assertThat(table.read(slot)).isEqualTo(image(start, 300_000));
  }

  /** Every field a function of {@code step}, so that a mix of two steps shows. */
  private static Account image(Account a, long step) {
    return new Account(
        a.id(),
        a.kind(),
        a.currency(),
        step % 2 == 0 ? AccountState.ACTIVE : AccountState.BLOCKED,
        1_000 + step,
        step,
        a.expiry(),
        step % 3 == 0 ? null : Instant.ofEpochSecond(step, step % 1_000_000_000),
        a.idHash());
  }

  private IdHash hash() {
    byte[] bytes = new byte[IdHash.LENGTH];
    random.nextBytes(bytes);
    return IdHash.of(bytes);
  }

  private static ExpiryPolicy policy(int i) {
    return switch (i % 4) {
      case 0 -> ExpiryPolicy.never();
      case 1 -> ExpiryPolicy.afterActivation(1 + i % 30);
      case 2 -> ExpiryPolicy.afterFirstUse(1 + i % 7);
      default -> ExpiryPolicy.at(Instant.ofEpochSecond(1_800_000_000L + i, i));
    };
  }
}
