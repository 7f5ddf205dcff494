package dev.idsettle.node;

/** What a node is. */
public enum Role {
  /** The settlement manager: holds the ledger (its store) and answers every role over HTTP. */
  MANAGER,
  /**
   * A service's authentication device: its clients (kiosks, a service's front end) send it
   * authorizations, validity queries and sub-ID requests, which it makes at the manager as itself.
   */
  AUTHENTICATOR,
  /**
   * A settlement terminal (a till): its clients (cash registers) send it activations, reversals and
   * selections, which it makes at the manager as itself.
   */
  TERMINAL
}
