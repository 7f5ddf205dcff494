package dev.idsettle.http;

/** The roles over the in-process transport. */
class InProcessRolesTest extends RolesOverTransportContract {
  @Override
  Transport transport(Network net, Party party) {
    return InProcessTransport.to(net.endpoint, party);
  }
}
