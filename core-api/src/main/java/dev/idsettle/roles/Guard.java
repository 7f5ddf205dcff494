package dev.idsettle.roles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.idsettle.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guessing defence of one {@link IdSettle}: the global budget, the budgets of the services and
 * of the sources (handles), and the listeners told when one is spent. A handle takes its {@link
 * GuardScope} when it is made and keeps it, so its budget is counted by that handle (and the other
 * live handles of the same identity) only: no request can name another's budget. The registries
 * that let two handles of one identity share a budget are bounded in bytes; an entry evicted from
 * one still counts in the handles that hold it.
 */
final class Guard {
  /** How many bytes of names each registry (sources, services) may hold. */
  static final long REGISTRY_BYTES = 8L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
  // a registry entry's cost beyond its name's characters: the entry, the budget, the string header
  private static final int ENTRY_BYTES = 160;

  private final GuessingBudgets budgets;
  private final Clock clock;
  private final GuessBudget global;
  private final Cache<String, GuessBudget> sources;
  private final Cache<String, GuessBudget> services;
  private final List<ThrottleListener> listeners = new CopyOnWriteArrayList<>();

  Guard(GuessingBudgets budgets, Clock clock) {
    this.budgets = budgets;
    this.clock = clock;
    this.global = new GuessBudget(budgets.global(), budgets.window().toMillis());
    this.sources = registry(budgets, clock);
    this.services = registry(budgets, clock);
  }

  private static Cache<String, GuessBudget> registry(GuessingBudgets budgets, Clock clock) {
    return Caffeine.newBuilder()
        .maximumWeight(REGISTRY_BYTES)
        .<String, GuessBudget>weigher((name, budget) -> ENTRY_BYTES + 2 * name.length())
        // an entry idle for a window has rolled over anyway: forgetting it changes nothing
        .expireAfterAccess(budgets.window())
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }

  /** The scope of the handle {@code source}, of {@code service} (null for a terminal). */
  GuardScope scope(String source, @Nullable String service) {
    long window = budgets.window().toMillis();
    GuessBudget own = sources.get(source, s -> new GuessBudget(budgets.perSource(), window));
    GuessBudget pool =
        service == null
            ? null
            : services.get(service, s -> new GuessBudget(budgets.perService(), window));
    return new GuardScope(this, source, service, own, pool, global);
  }

  /**
   * The scope of a role that many callers share and that names none of them ({@code name}, such as
   * the manager's blocks or the service selector): its own budget is a service's, so that one
   * guesser among its callers does not lock it out at a single source's budget.
   */
  GuardScope shared(String name) {
    long window = budgets.window().toMillis();
    GuessBudget own = sources.get(name, s -> new GuessBudget(budgets.perService(), window));
    return new GuardScope(this, name, null, own, null, global);
  }

  /** The weight the registries hold now, in bytes (for tests and monitoring). */
  long registryBytes() {
    sources.cleanUp();
    services.cleanUp();
    return weight(sources) + weight(services);
  }

  private static long weight(Cache<String, GuessBudget> registry) {
    return registry.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  long now() {
    return clock.millis();
  }

  void addListener(ThrottleListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  void spent(ThrottledEvent.Scope scope, GuardScope by, GuessBudget budget) {
    ThrottledEvent event =
        new ThrottledEvent(
            scope, by.source(), by.service(), Instant.ofEpochMilli(budget.windowEnds()));
    LOG.warn("guessing budget spent: {} by {} until {}", scope, by.source(), event.until());
    for (ThrottleListener l : listeners) {
      try {
        l.onThrottled(event);
      } catch (RuntimeException e) {
        LOG.warn("throttle listener failed for {}", by.source(), e);
      }
    }
  }
}
