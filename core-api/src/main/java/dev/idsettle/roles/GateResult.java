package dev.idsettle.roles;

/** The answer of an {@link IdGate}: the ID's account, or a denial (unknown, throttled). */
public sealed interface GateResult permits Usable, Denial {}
