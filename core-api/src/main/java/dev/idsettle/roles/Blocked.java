package dev.idsettle.roles;

/**
 * The ID and every envelope of it are blocked: nothing can be spent from them any more.
 *
 * @param accounts how many accounts this call blocked (the ID and its envelopes); 0 when they were
 *     all blocked already, as on a repeated call
 */
public record Blocked(int accounts) implements BlockResult {}
