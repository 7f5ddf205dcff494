package dev.idsettle.bench;

import dev.idsettle.ledger.Account;
import dev.idsettle.ledger.AccountId;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.ledger.HoldState;
import dev.idsettle.ledger.IdHash;
import dev.idsettle.ledger.Transfer;
import dev.idsettle.ledger.TransferId;
import dev.idsettle.ledger.TransferKind;
import dev.idsettle.spi.Sealer;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU of the three HMACs a sealing store adds to one debit (the transfer and its two accounts),
 * without a database: the least any store pays for tamper evidence, to set beside a memory-store
 * debit ({@code AuthorizeBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SealCpuBenchmark {
  /** The three seals of one debit, no database: the CPU floor of sealing. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init")
  public static class Seals {
    Sealer sealer;
    Transfer transfer;
    Account debit;
    Account credit;
    byte[] head;

    /** A sealer and a debit to seal. */
    @Setup(Level.Trial)
    public void setUp() {
      byte[] k = new byte[32];
      new SplittableRandom(9).nextBytes(k);
      sealer = Sealer.withKey(k);
      AccountId id = AccountId.random();
      AccountId revenue = AccountId.random();
      transfer =
          new Transfer(
              TransferId.random(),
              id,
              revenue,
              1,
              TransferKind.POST,
              null,
              null,
              HoldState.NONE,
              null,
              "bench",
              Instant.now());
      debit = Account.issued(id, IdHash.ofWords(1, 2, 3, 4), Fixture.EUR, ExpiryPolicy.never());
      credit = Account.operator(revenue, Fixture.EUR);
      head = Sealer.genesis();
    }
  }

  /** Seals a transfer and its two accounts, as a sealing store does per debit. */
  @Benchmark
  public byte[] sealOneDebit(Seals s) {
    byte[] t = s.sealer.seal(s.transfer, s.head, s.head);
    s.sealer.seal(s.debit, t);
    return s.sealer.seal(s.credit, t);
  }
}
