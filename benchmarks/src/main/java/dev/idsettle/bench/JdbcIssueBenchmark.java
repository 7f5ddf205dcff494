package dev.idsettle.bench;

import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.roles.IdSettle;
import dev.idsettle.roles.IssuedIds;
import dev.idsettle.store.jdbc.JdbcStore;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch issuance: one {@code issuer().issue(100_000, ...)} per invocation on durable embedded
 * PostgreSQL and on an H2 file, each iteration adding 100 000 more IDs to the same database. The
 * report turns the seconds per call into IDs/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
public class JdbcIssueBenchmark {
  static final int COUNT = 100_000;

  /** The database: {@code postgres} (durable embedded server) or {@code h2} (file). */
  @Param({"postgres", "h2"})
  public String db;

  private Databases database;
  private IdSettle settle;

  /** Opens a fresh database with the ledger's schema. */
  @Setup(Level.Trial)
  public void setUp() {
    database = Databases.migrated(db);
    JdbcStore store = database.store();
    settle = IdSettle.builder(store).issuerKey(JdbcFixture.issuerKey()).build();
  }

  /** Closes and deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    settle.close();
    database.close();
  }

  /** 100 000 IDs in one call. */
  @Benchmark
  public IssuedIds issue100k() {
    return settle.issuer().issue(COUNT, ExpiryPolicy.never());
  }
}
