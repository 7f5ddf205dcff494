package dev.idsettle.tck;

import dev.idsettle.spi.LedgerStore;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * A jqwik property: random sequences of activations, debits, top-ups, holds, captures, voids,
 * reversals, blocks and clock moves run on the ledger over the store under test and on a plain
 * reference model of the rules; every answer (applied, or the refusal's reason), every ID's state,
 * balance, reserved amount and expiry, every hold's state and the invariants must agree.
 *
 * <p>jqwik runs the property methods a class inherits, so a store module extends this class with a
 * factory, in a class whose name surefire picks up:
 *
 * <pre>{@code
 * class MemoryStoreModelPropertiesTest extends LedgerModelProperties {
 *   protected LedgerStore newStore() { return MemoryStore.create(); }
 * }
 * }</pre>
 */
public abstract class LedgerModelProperties {
  private @Nullable LedgerStore store;

  /** The store under test; called once per instance (jqwik makes one per property). */
  protected abstract LedgerStore newStore();

  /** The ledger over the store answers exactly as the reference model does. */
  @Property(tries = 200)
  void ledgerAgreesWithTheReferenceModel(@ForAll("sequences") List<ModelOp> ops) {
    new ModelRun(store()).run(ops);
  }

  /** Sequences of up to 40 random operations on four IDs (one per expiry policy). */
  @Provide
  Arbitrary<List<ModelOp>> sequences() {
    Arbitrary<ModelOp> op =
        Combinators.combine(
                Arbitraries.of(ModelOp.Kind.class),
                Arbitraries.integers().between(0, ModelRun.POLICIES.size() - 1),
                Arbitraries.longs().between(1, 120),
                Arbitraries.integers().between(0, 63))
            .as(ModelOp::new);
    return op.list().ofMinSize(1).ofMaxSize(40);
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
