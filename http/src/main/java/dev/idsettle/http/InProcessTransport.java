package dev.idsettle.http;

import dev.idsettle.InvalidRequestException;
import dev.idsettle.http.message.Operation;

/**
 * A transport inside one JVM: the party is fixed when it is made (the caller who holds it is that
 * party), and each request still travels as JSON through {@link ManagerEndpoint}, so it behaves as
 * the HTTP transport does, less the network.
 */
public final class InProcessTransport implements Transport {
  private final ManagerEndpoint endpoint;
  private final Party party;

  private InProcessTransport(ManagerEndpoint endpoint, Party party) {
    this.endpoint = endpoint;
    this.party = party;
  }

  /** A transport that speaks to {@code endpoint} as {@code party}. */
  public static InProcessTransport to(ManagerEndpoint endpoint, Party party) {
    if (endpoint == null || party == null) {
      throw new InvalidRequestException("endpoint and party must not be null");
    }
    return new InProcessTransport(endpoint, party);
  }

  @Override
  public String partyName() {
    return party.name();
  }

  @Override
  public Reply exchange(Operation operation, byte[] body) {
    return endpoint.handle(party, operation, body.clone());
  }

  /** Nothing to release. */
  @Override
  public void close() {}
}
