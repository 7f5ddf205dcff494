package dev.idsettle.catalog;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Delivers once per reference, and fails or throws for the references it is told to. */
final class RecordingDelivery implements Delivery {
  final Map<String, Order> delivered = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final Set<String> throwing = ConcurrentHashMap.newKeySet();

  @Override
  public DeliveryResult deliver(Order order) {
    calls.computeIfAbsent(order.reference(), r -> new AtomicInteger()).incrementAndGet();
    if (throwing.contains(order.reference())) {
      throw new IllegalStateException("the courier's system is down");
    }
    if (failing.contains(order.reference())) {
      return DeliveryResult.failed("out of stock");
    }
    delivered.putIfAbsent(order.reference(), order);
    return DeliveryResult.delivered();
  }

  int calls(String reference) {
    AtomicInteger n = calls.get(reference);
    return n == null ? 0 : n.get();
  }
}
