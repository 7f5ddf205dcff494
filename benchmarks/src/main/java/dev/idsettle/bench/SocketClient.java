package dev.idsettle.bench;

import dev.idsettle.id.IdNumber;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 connection in this JVM, each request signed through {@link SignedRequests}
 * with a fresh nonce and the clock's time, the answer read by its Content-Length: no HTTP client
 * library, so it takes little of the server's cores (but some: {@code WrkLoad} drives the server
 * from {@code wrk} instead).
 */
final class SocketClient implements LoadPhase.Client {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final SignedRequests requests;
  private final IdNumber[] ids;
  private final int index;
  // a new client per phase: its nonces must not repeat an earlier client's (the server refuses)
  private final long generation = LoadRig.GENERATIONS.incrementAndGet();
  private long n;

  SocketClient(int port, SignedRequests requests, IdNumber[] ids, int index) throws IOException {
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 8192);
    this.requests = requests;
    this.ids = ids;
    this.index = index;
  }

  @Override
  public long authorizeOnce() throws IOException {
    long start = System.nanoTime();
    IdNumber id = ids[(int) ((index * 64L + n) % ids.length)];
    String reference = "h-" + generation + "-" + index + "-" + n;
    String nonce = String.format(Locale.ROOT, "n%02d-%06d-%016d", index, generation, n++);
    out.write(requests.authorize(id, reference, System.currentTimeMillis(), nonce));
    out.flush();
    String answer = readResponse();
    if (!answer.startsWith("HTTP/1.1 200") && n < 3) {
      System.err.println("answer: " + answer.replace(id.digits(), "<id>"));
    }
    return answer.startsWith("HTTP/1.1 200") && answer.contains("\"permitted\"")
        ? System.nanoTime() - start
        : -1;
  }

  private String readResponse() throws IOException {
    StringBuilder head = new StringBuilder();
    int length = -1;
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c == '\n') {
        String l = line.toString().trim();
        if (l.isEmpty()) {
          break;
        }
        if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(l.substring(15).trim());
        }
        head.append(l).append('\n');
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    byte[] body = in.readNBytes(Math.max(0, length));
    return head + new String(body, StandardCharsets.UTF_8);
  }
}
