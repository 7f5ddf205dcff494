package dev.idsettle.sales;

/**
 * A {@link PaymentGateway}'s answer: {@link Approved}, {@link Declined} (nothing happened, and a
 * retry with the same idempotency key gets the same refusal), or {@link GatewayTimeout} (the answer
 * was lost: the call may or may not have taken effect; call again with the same key to learn it).
 */
public sealed interface GatewayResult permits Approved, Declined, GatewayTimeout {}
