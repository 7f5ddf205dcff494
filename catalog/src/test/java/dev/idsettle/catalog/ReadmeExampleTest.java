package dev.idsettle.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.catalog.access.AccessDirectory;
import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.Service;
import dev.idsettle.store.memory.MemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalogue and the directory as README.md shows them, run as written there. */
class ReadmeExampleTest {
  @Test
  void theReadmeShopAndDirectory() throws Exception {
    try (Shop f = new Shop(MemoryStore.create())) {
      var settle = f.settle;
      byte[] catalogueKey = Shop.key(3);
      IdNumber id = f.newId(2000);
      Path directoryFile = Path.of(getClass().getResource("/directory/japan.json").toURI());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        // README: begin
        Catalogue shop =
            Catalogue.builder(
                    settle.ledger(), settle.authenticator(new Service("shop", Money.of(0, "EUR"))))
                .key(catalogueKey) // 32+ secret bytes: ticket codes are derived and hashed under it
                .delivery(order -> DeliveryResult.delivered()) // ship goods, send the ticket code
                .item(Item.goods("mug", "A mug", Money.of(500, "EUR")))
                .item(Item.ticket("gig-0312", "Concert, 12 March", Money.of(1200, "EUR"), null))
                .build();
        PurchaseResult r = shop.buy(id, "gig-0312", "order-77"); // idempotent by the reference
        TicketCode ticket = r instanceof PurchaseResult.Bought b ? b.ticket() : null;
        if (ticket != null) { // Bought a ticket; else Declined, NotDelivered or Interrupted
          String code = ticket.formatted(); // 128 bits; the store keeps only a keyed hash
          System.out.println(shop.checkIn(code, "gig-0312", "north-gate", "scan-1")); // Admitted
          System.out.println(shop.checkIn(code, "gig-0312", "south-gate", "scan-9")); // AlreadyUsed
        }
        AccessDirectory directory = AccessDirectory.load(directoryFile); // JSON the operator edits
        System.out.println(directory.numbers("osaka")); // the region the user picked
        // README: end
      } finally {
        System.setOut(stdout);
      }
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Admitted[item=gig-0312, venue=north-gate")
          .contains("AlreadyUsed[venue=north-gate")
          .contains("[06-1234-5678, 0120-000-111]");
      assertThat(f.balance(id)).isEqualTo(800);
    }
  }
}
