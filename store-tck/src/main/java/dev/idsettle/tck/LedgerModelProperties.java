package dev.idsettle.tck;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.idsettle.spi.LedgerStore;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A QuickTheories property: random sequences of activations, debits, top-ups, holds, captures,
 * voids, reversals, blocks and clock moves run on the ledger over the store under test and on a
 * plain reference model of the rules; every answer (applied, or the refusal's reason), every ID's
 * state, balance, reserved amount and expiry, every hold's state and the invariants must agree.
 *
 * <p>A store module extends this class with a factory, in a class whose name surefire picks up:
 *
 * <pre>{@code
 * class MemoryStoreModelPropertiesTest extends LedgerModelProperties {
 *   protected LedgerStore newStore() { return MemoryStore.create(); }
 * }
 * }</pre>
 *
 * <p>A failure names the shortest sequence found that still disagrees and the seed; {@code mvn
 * verify -DQT_SEED=<seed>} replays the same sequences.
 */
public abstract class LedgerModelProperties {
  private @Nullable LedgerStore store;

  /** The store under test; called once per test instance, and every sequence shares it. */
  protected abstract LedgerStore newStore();

  /** How many sequences to try; a slow store may lower it. */
  protected int examples() {
    return 200;
  }

  /** The ledger over the store answers exactly as the reference model does. */
  @Test
  void ledgerAgreesWithTheReferenceModel() {
    qt().withExamples(examples())
        .forAll(sequences())
        .checkAssert(ops -> new ModelRun(store()).run(ops));
  }

  /** Sequences of up to 40 random operations on four IDs (one per expiry policy). */
  static Gen<List<ModelOp>> sequences() {
    Gen<ModelOp> op =
        Generate.enumValues(ModelOp.Kind.class)
            .zip(
                integers().between(0, ModelRun.POLICIES.size() - 1),
                longs().between(1, 120),
                integers().between(0, 63),
                ModelOp::new);
    return lists().of(op).ofSizeBetween(1, 40);
  }

  private LedgerStore store() {
    LedgerStore s = store;
    if (s == null) {
      s = newStore();
      store = s;
    }
    return s;
  }
}
