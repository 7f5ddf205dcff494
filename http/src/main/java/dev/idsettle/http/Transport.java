package dev.idsettle.http;

import dev.idsettle.http.message.Operation;
import java.io.IOException;

/**
 * How one party's requests reach the settlement manager: the SPI under {@link ManagerClient}. An
 * implementation authenticates the caller as it sees fit ({@link InProcessTransport} by
 * construction, {@link HttpTransport} by a signature per request) and hands the bytes to a {@link
 * ManagerEndpoint}. Implementations are thread-safe.
 */
public interface Transport extends AutoCloseable {

  /** The name of the party this transport speaks for. */
  String partyName();

  /**
   * Sends {@code body} (a JSON request of {@code operation}) and returns the reply.
   *
   * @throws RequestNotSentException if the request certainly did not leave (nothing can have
   *     changed)
   * @throws IOException if no reply arrived (timeout, connection dropped): the request may have
   *     been applied
   */
  Reply exchange(Operation operation, byte[] body) throws IOException;

  /** Releases what the transport holds (connections, threads). */
  @Override
  void close();
}
