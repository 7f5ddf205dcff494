package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expiry policies, enforced at every debit. Part of {@link LedgerStoreContract}. */
public interface ExpiryContract extends ContractTest {

  /** An ID that never expires is spendable years later. */
  @Test
  default void neverExpires() {
    LedgerFixture f = tck();
    AccountId id = f.newId(ExpiryPolicy.never());
    f.activate(id, 100);
    f.clock().advance(Duration.ofDays(3650));

    assertThat(f.debit(id, 10).applied()).isTrue();
    assertThat(f.account(id).expiresAt()).isNull();
  }

  /** A fixed expiry: spendable until the instant, refused from it on. */
  @Test
  default void expiresAtAFixedInstant() {
    LedgerFixture f = tck();
    Instant end = LedgerStoreContract.START.plus(Duration.ofDays(10));
    AccountId id = f.newId(ExpiryPolicy.at(end));
    f.activate(id, 100);
    f.clock().set(end.minusSeconds(1));
    assertThat(f.debit(id, 10).applied()).isTrue();

    f.clock().set(end);

    assertThat(f.debit(id, 10).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(
            f.hold(dev.idsettle.ledger.TransferId.random(), id, 10, Duration.ofMinutes(1))
                .refusal())
        .isEqualTo(Refusal.EXPIRED);
    assertThat(f.account(id).posted()).isEqualTo(90);
  }

  /** N days after activation, counted from the activation. */
  @Test
  default void expiresDaysAfterActivation() {
    LedgerFixture f = tck();
    AccountId id = f.newId(ExpiryPolicy.afterActivation(30));
    f.clock().advance(Duration.ofDays(100));
    f.activate(id, 100);
    f.clock().advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(f.debit(id, 10).applied()).isTrue();

    f.clock().advance(Duration.ofSeconds(1));

    assertThat(f.debit(id, 10).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(f.topUp(id, 10).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(f.account(id).posted()).isEqualTo(90);
  }

  /** N days after the first debit, counted from that debit. */
  @Test
  default void expiresDaysAfterFirstUse() {
    LedgerFixture f = tck();
    AccountId id = f.newId(ExpiryPolicy.afterFirstUse(30));
    f.activate(id, 100);
    f.clock().advance(Duration.ofDays(100));
    assertThat(f.debit(id, 10).applied()).isTrue();
    Instant firstUse = f.clock().instant();
    assertThat(f.account(id).expiresAt()).isEqualTo(firstUse.plus(Duration.ofDays(30)));
    f.clock().advance(Duration.ofDays(30).minusSeconds(1));
    assertThat(f.debit(id, 10).applied()).isTrue();

    f.clock().advance(Duration.ofSeconds(1));

    assertThat(f.debit(id, 10).refusal()).isEqualTo(Refusal.EXPIRED);
    assertThat(f.account(id).posted()).isEqualTo(80);
  }
}
