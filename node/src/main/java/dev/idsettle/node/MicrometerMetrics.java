package dev.idsettle.node;

import dev.idsettle.http.message.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The optional Micrometer binding ({@code io.micrometer:micrometer-core} on your class path; the
 * node needs it only if you use this class). Meters, all tagged with the node's operation ({@code
 * /v1/authorize} is {@code authorize}):
 *
 * <ul>
 *   <li>{@code idsettle.requests} (timer, with a percentile histogram): every request answered, its
 *       count and its latency in the node;
 *   <li>{@code idsettle.outcomes} (counter, tags {@code outcome} and {@code reason}): what was
 *       answered ({@code permitted}, {@code denied} with its reason such as {@code
 *       INSUFFICIENT_BALANCE}, {@code unknown}, {@code problem} with the HTTP status, ...);
 *   <li>{@code idsettle.group.commit.batches} and {@code idsettle.group.commit.commands}
 *       (distribution summaries): per store transaction of the manager's group commit, how many
 *       callers' batches and commands it combined.
 * </ul>
 *
 * <pre>{@code
 * MeterRegistry registry = ...; // yours
 * Node node = Node.start(config, MicrometerMetrics.to(registry), () -> "");
 * }</pre>
 */
public final class MicrometerMetrics implements NodeObserver {
  private final MeterRegistry registry;
  private final ConcurrentHashMap<Operation, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final DistributionSummary batches;
  private final DistributionSummary commands;

  private MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batches =
        DistributionSummary.builder("idsettle.group.commit.batches")
            .description("callers' batches combined into one store transaction")
            .publishPercentileHistogram()
            .register(registry);
    this.commands =
        DistributionSummary.builder("idsettle.group.commit.commands")
            .description("ledger commands in one group-commit store transaction")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** Records into {@code registry}. */
  public static MicrometerMetrics to(MeterRegistry registry) {
    if (registry == null) {
      throw new NodeConfigException("registry must not be null");
    }
    return new MicrometerMetrics(registry);
  }

  static MicrometerMetrics withSimpleRegistry() {
    return new MicrometerMetrics(new SimpleMeterRegistry());
  }

  @Override
  public void request(Operation operation, String outcome, String reason, long nanos) {
    timers.computeIfAbsent(operation, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    outcomes
        .computeIfAbsent(
            operation.name() + '|' + outcome + '|' + reason,
            k ->
                Counter.builder("idsettle.outcomes")
                    .description("answers by outcome and reason")
                    .tag("operation", name(operation))
                    .tag("outcome", outcome)
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }

  @Override
  public void groupCommitted(int batches, int commands) {
    this.batches.record(batches);
    this.commands.record(commands);
  }

  private Timer timer(Operation operation) {
    return Timer.builder("idsettle.requests")
        .description("requests answered by the node, and how long each took")
        .tag("operation", name(operation))
        .publishPercentileHistogram()
        .register(registry);
  }

  private static String name(Operation operation) {
    return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every meter's id and measurements, one per line (what {@code GET /metrics} shows). */
  String text() {
    StringBuilder b = new StringBuilder();
    registry.getMeters().stream()
        .sorted(Comparator.comparing((Meter m) -> m.getId().toString()))
        .forEach(
            m -> {
              b.append(m.getId().getName());
              m.getId()
                  .getTags()
                  .forEach(t -> b.append(' ').append(t.getKey()).append('=').append(t.getValue()));
              m.measure()
                  .forEach(
                      x ->
                          b.append(' ')
                              .append(x.getStatistic().getTagValueRepresentation())
                              .append('=')
                              .append(x.getValue()));
              b.append('\n');
            });
    return b.toString();
  }
}
