package dev.idsettle.card.testing;

import com.licel.jcardsim.smartcardio.CardSimulator;
import com.licel.jcardsim.utils.AIDUtil;
import dev.idsettle.card.PurseCard;
import dev.idsettle.card.applet.PurseApplet;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A jCardSim card with the purse applet, inserted into vsmartcard's virtual reader driver (vpcd,
 * loaded by {@code pcscd}) over its TCP protocol: a two-byte big-endian length, then either one
 * control byte (0 power off, 1 power on, 2 reset, 4 get ATR) or an APDU, whose response goes back
 * framed the same way. jCardSim's own {@code VSmartCard} does the same, but its threads cannot be
 * stopped; this one stops on {@link #close()}.
 */
public final class VpcdCard implements AutoCloseable {

  private final CardSimulator simulator = new CardSimulator();
  private final Socket socket;
  private final Thread loop;

  private VpcdCard(Socket socket) {
    this.socket = socket;
    simulator.installApplet(AIDUtil.create(PurseCard.aid()), PurseApplet.class);
    loop = new Thread(this::serve, "vpcd-card");
    loop.setDaemon(true);
    loop.start();
  }

  /**
   * Connects to the vpcd driver listening on {@code port} of the loopback address.
   *
   * @throws IOException if nothing listens there
   */
  public static VpcdCard insert(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
    socket.setTcpNoDelay(true);
    return new VpcdCard(socket);
  }

  private void serve() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        byte[] message = in.readNBytes(in.readUnsignedShort());
        if (message.length == 1) {
          control(message[0], out);
        } else {
          reply(out, simulator.transmitCommand(message));
        }
      }
    } catch (IOException closed) {
      // the reader went away or close() closed the socket: the card is out
    }
  }

  private void control(byte code, DataOutputStream out) throws IOException {
    switch (code) {
      case 0, 1, 2 -> simulator.reset();
      case 4 -> reply(out, simulator.getATR());
      default -> throw new IOException("unknown vpcd control byte " + code);
    }
  }

  private static void reply(DataOutputStream out, byte[] data) throws IOException {
    out.writeShort(data.length);
    out.write(data);
    out.flush();
  }

  /** Takes the card out of the reader and stops its thread. */
  @Override
  public void close() {
    try {
      socket.close();
      loop.join(5_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
