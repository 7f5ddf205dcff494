package dev.idsettle.http.remote;

import dev.idsettle.http.HttpTransport;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Activated;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.Denial;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.Reversed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An authenticator's process of the exactly-once test: {@code <h2 file> <party> <service> <manager
 * uri>}. Recovers at start-up, says READY, then answers commands on stdin, one a line, while a
 * background thread recovers every 200 ms: {@code L ref id minor} loads, {@code A ref id minor}
 * authorizes, {@code G ref id} gives back, {@code P} recovers; each answer is {@code R ref DONE
 * <what>}, {@code R ref DENIED <reason>} or {@code R ref UNKNOWN}.
 */
final class AuthenticatorMain {

  private AuthenticatorMain() {}

  public static void main(String[] args) throws Exception {
    HttpTransport transport =
        HttpTransport.builder(URI.create(args[3]), args[1], Chaos.key(args[1]))
            .timeout(Duration.ofSeconds(5))
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    LocalAuthenticator device =
        LocalAuthenticator.builder(
                Chaos.ledger(Chaos.h2(args[0])), transport, Chaos.service(args[2]))
            .key(Chaos.key("local-" + args[1]))
            .build();
    device.recover(1000);
    Thread recovery =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(200);
                  device.recover(100);
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  // the store or the wire failed this round: the next one tries again
                }
              }
            });
    recovery.setDaemon(true);
    recovery.start();
    System.out.println("READY");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] c = line.split(" ", -1);
      String answer;
      try {
        answer = answer(device, c);
      } catch (RuntimeException e) {
        System.err.println(e);
        answer = "UNKNOWN";
      }
      System.out.println("R " + c[1] + " " + answer);
      System.out.flush();
    }
  }

  private static String answer(LocalAuthenticator device, String[] c) {
    return switch (c[0]) {
      case "P" -> Integer.toString(device.recover(1000));
      case "L" -> {
        Object loaded = device.load(id(c[2]), eur(c[3]), c[1]);
        yield loaded instanceof Activated a ? "DONE " + a.transferId() : other(loaded);
      }
      case "A" -> {
        Object permit =
            device.authorize(new AuthorizationRequest(id(c[2]), eur(c[3]), Chaos.TERMINAL, c[1]));
        yield permit instanceof Permit p ? "DONE " + p.transferId() : other(permit);
      }
      case "G" -> {
        Object back = device.giveBack(id(c[2]), c[1]);
        yield back instanceof Reversed r
            ? "DONE " + TransferIds.giveBack(device.source(), c[1]) + " " + r.amount().minor()
            : other(back);
      }
      default -> throw new IllegalArgumentException("no such command");
    };
  }

  private static String other(Object result) {
    if (!(result instanceof Denial)) {
      System.err.println(result);
    }
    return result instanceof Denial d ? "DENIED " + d.reason() : "UNKNOWN";
  }

  private static IdNumber id(String digits) {
    return IdNumberFormat.DEFAULT.parse(digits);
  }

  private static Money eur(String minor) {
    return Money.of(Long.parseLong(minor), "EUR");
  }
}
