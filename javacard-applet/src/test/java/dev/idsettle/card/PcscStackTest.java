package dev.idsettle.card;

import static dev.idsettle.card.CardFixture.CARD_ID;
import static dev.idsettle.card.CardFixture.JPY;
import static dev.idsettle.card.CardFixture.PAYEE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.card.testing.VpcdCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host on a real PC/SC stack: Debian's {@code pcscd} with vsmartcard's virtual reader driver
 * ({@code vsmartcard-vpcd}), a jCardSim card in it ({@link VpcdCard}), and {@code
 * javax.smartcardio} through {@link TerminalFactory#getDefault()} and {@code libpcsclite}, so every
 * APDU travels as a real reader carries it (T=1). The test starts {@code pcscd} and the card and
 * stops both. Without the packages it is skipped, except under {@code CI=true}, where it fails.
 */
class PcscStackTest {

  private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
  private static final Path VPCD = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
  private static final Path LIBPCSCLITE = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");
  private static final int VPCD_PORT = 0x8C7B;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir static Path logs;

  private static Process pcscd;
  private static VpcdCard card;

  @BeforeAll
  static void startPcscdAndInsertTheCard() throws Exception {
    List<Path> missing =
        List.of(PCSCD, VPCD, LIBPCSCLITE).stream().filter(p -> !Files.exists(p)).toList();
    if (!missing.isEmpty()) {
      String message =
          "no PC/SC stack here (missing "
              + missing
              + "): apt-get install -y pcscd vsmartcard-vpcd opensc";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the PC/SC test, but " + message);
      }
      Assumptions.abort("skipped: " + message);
    }
    pcscd =
        new ProcessBuilder(PCSCD.toString(), "--foreground")
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("pcscd.log").toFile())
            .start();
    card = insertWhenVpcdListens();
  }

  @AfterAll
  static void stopBoth() throws InterruptedException {
    if (card != null) {
      card.close();
    }
    if (pcscd != null) {
      pcscd.destroy();
      if (!pcscd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        pcscd.destroyForcibly().waitFor();
      }
    }
  }

  @Test
  void theHostPersonalisesCreditsDebitsAndReadsAStatementThroughPcscd() throws CardException {
    Card connected = cardInAVirtualReader().connect("*");
    try {
      assertThat(connected.getProtocol()).isEqualTo("T=1");
      PurseCard purse = PurseCard.over(connected.getBasicChannel());
      CardIssuer issuer = CardIssuer.over(IssuerKeys.fromMasterKey(CardFixture.MASTER_KEY));

      purse.select();
      purse.personalise(issuer.personalisation(CARD_ID, JPY, CardFixture.PIN));
      Challenge challenge = purse.initialize();
      VerifiedReceipt credit =
          issuer.verify(
              purse.credit(challenge, 5000, issuer.authorizeCredit(CARD_ID, challenge, 5000)));
      purse.verifyPin(CardFixture.PIN_PAD, CardFixture.PIN);
      VerifiedReceipt debit = issuer.verify(purse.debit(PAYEE, 1250));
      long nonce = 0x0123456789ABCDEFL;
      CardStatement statement = issuer.verify(purse.statement(nonce), nonce).statement();

      assertThat(credit.receipt().newBalance()).isEqualTo(5000);
      assertThat(debit.receipt().payee()).isEqualTo(PAYEE.tag());
      assertThat(statement.balance()).isEqualTo(3750);
      assertThat(statement.counter()).isEqualTo(2);
      assertThat(statement.lastReceipt()).contains(debit.receipt());
      assertThat(purse.cardId()).isEqualTo(CARD_ID);
    } finally {
      connected.disconnect(true);
    }
  }

  private static VpcdCard insertWhenVpcdListens() throws IOException, InterruptedException {
    Instant until = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        return VpcdCard.insert(VPCD_PORT);
      } catch (IOException notYet) {
        if (!pcscd.isAlive() || Instant.now().isAfter(until)) {
          throw new IOException(
              "pcscd did not load the vpcd driver: " + Files.readString(logs.resolve("pcscd.log")),
              notYet);
        }
        Thread.sleep(100);
      }
    }
  }

  /** Waits (bounded) until pcscd reports the card present in a virtual reader. */
  private static CardTerminal cardInAVirtualReader() throws CardException {
    CardTerminals terminals = TerminalFactory.getDefault().terminals();
    Instant until = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(until)) {
      for (CardTerminal terminal : terminals.list(CardTerminals.State.CARD_PRESENT)) {
        if (terminal.getName().startsWith("Virtual PCD")) {
          return terminal;
        }
      }
      terminals.waitForChange(1_000);
    }
    throw new IllegalStateException("pcscd never showed the card in a Virtual PCD reader");
  }
}
