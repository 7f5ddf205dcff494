package dev.idsettle.http;

/** What a registered party is, which decides what it may ask of the manager. */
public enum PartyKind {
  /** A store's settlement terminal: activates, reverses, selects services, blocks lost IDs. */
  TERMINAL,
  /** A service's settlement authentication device: authorizes, queries, issues sub-IDs. */
  AUTHENTICATOR,
  /** A settlement manager, when it calls another party. */
  MANAGER
}
