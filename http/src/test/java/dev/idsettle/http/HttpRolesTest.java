package dev.idsettle.http;

/** The roles over signed HTTP on loopback: a real server, the JDK's client. */
class HttpRolesTest extends RolesOverTransportContract {
  @SuppressWarnings("NullAway.Init") // set by start(), which setUp calls
  HttpManagerServer server;

  @Override
  void start(Network net) {
    server = HttpManagerServer.builder(net.endpoint, net.parties).clock(net.clock).start();
  }

  @Override
  void stop() {
    server.close();
  }

  @Override
  Transport transport(Network net, Party party) {
    return HttpTransport.builder(server.uri(), party.name(), Network.key(party))
        .clock(net.clock)
        .build();
  }
}
