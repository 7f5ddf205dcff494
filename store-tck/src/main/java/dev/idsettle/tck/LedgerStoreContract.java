package dev.idsettle.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.spi.LedgerStore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every {@link LedgerStore} passes. A store module extends it (or one of its layers,
 * {@link ConcurrentLedgerStoreContract} and {@link DurableLedgerStoreContract}) with a factory:
 *
 * <pre>{@code
 * class MemoryStoreContractTest extends ConcurrentLedgerStoreContract {
 *   protected LedgerStore newStore() { return MemoryStore.create(); }
 * }
 * }</pre>
 *
 * <p>The tests come from the interfaces it implements: {@link SpiContract} calls every SPI method
 * directly; {@link IdempotencyContract}, {@link BatchContract}, {@link HoldContract}, {@link
 * ExpiryContract}, {@link LifecycleContract}, {@link KeyContract}, {@link DescriptionContract} and
 * {@link JournalContract} go through {@link dev.idsettle.ledger.Ledger}; {@link NetworkContract},
 * {@link SlipContract}, {@link GuardContract} and {@link HolderContract} go through the roles. Each
 * test works on accounts and transfer ids of its own (random ids), so one database can serve a
 * whole run, and after each test the ledger's invariants are checked on the accounts it created
 * (see {@link Invariants}).
 */
public abstract class LedgerStoreContract
    implements SpiContract,
        IdempotencyContract,
        BatchContract,
        HoldContract,
        ExpiryContract,
        LifecycleContract,
        KeyContract,
        DescriptionContract,
        JournalContract,
        NetworkContract,
        SlipContract,
        GuardContract,
        HolderContract {

  /** Where every test's {@link MutableClock} starts. */
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private @Nullable LedgerFixture fixture;

  /**
   * The store under test, called before each test. It may return the same store every time (tests
   * isolate themselves by random ids) or a fresh one.
   */
  protected abstract LedgerStore newStore();

  /** Creates this test's fixture over {@link #newStore()}. */
  @BeforeEach
  final void createFixture() {
    fixture = LedgerFixture.over(newStore(), MutableClock.at(START));
  }

  /** Checks the invariants on every account the test created through its fixture. */
  @AfterEach
  final void checkInvariants() {
    if (fixture != null) {
      assertThat(fixture.violations()).as("ledger invariants after the test").isEmpty();
    }
  }

  /** This test's fixture. */
  @Override
  public final LedgerFixture tck() {
    LedgerFixture f = fixture;
    if (f == null) {
      throw new IllegalStateException("the fixture is created before each test");
    }
    return f;
  }
}
