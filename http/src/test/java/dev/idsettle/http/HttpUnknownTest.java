package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.money.Money;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Permit;
import dev.idsettle.roles.SettlementAuthenticator;
import dev.idsettle.roles.Unavailable;
import dev.idsettle.roles.Unknown;
import dev.idsettle.store.memory.MemoryStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the caller sees when the answer does not arrive: {@link Unknown}, never a refusal; and the
 * retry with the same reference, through the ledger's idempotency, returns the original answer.
 */
class HttpUnknownTest {
  final GateStore store = new GateStore(MemoryStore.create());
  final Network net = new Network(store);
  HttpManagerServer server = start();
  final IdNumber id = net.issue(1).get(0);

  HttpManagerServer start() {
    return HttpManagerServer.builder(net.endpoint, net.parties)
        .clock(net.clock)
        .grace(Duration.ZERO)
        .start();
  }

  @AfterEach
  void tearDown() {
    store.open();
    server.close();
    net.close();
  }

  SettlementAuthenticator phone(Duration timeout) {
    HttpTransport t =
        HttpTransport.builder(server.uri(), "phone-1", Network.key(Network.PHONE_DEVICE))
            .clock(net.clock)
            .timeout(timeout)
            .build();
    return ManagerClient.over(t).authenticator(Network.PHONE);
  }

  void activate() {
    ManagerClient.over(InProcessTransport.to(net.endpoint, Network.TILL))
        .terminal()
        .activate(id, Money.of(1000, "EUR"), "sale-1");
  }

  static AuthorizationRequest call1(IdNumber id) {
    return new AuthorizationRequest(id, Money.of(100, "EUR"), "kiosk", "call-1");
  }

  @Test
  void anAnswerLateBeyondTheTimeoutIsUnknownAndTheRetryReturnsTheOriginal() throws Exception {
    activate();
    SettlementAuthenticator phone = phone(Duration.ofMillis(300));
    store.shut();
    AuthorizationResult lost = phone.authorize(call1(id));
    assertThat(lost).isInstanceOf(Unknown.class);
    assertThat(((Unknown) lost).cause().mayHaveCommitted()).isTrue();

    store.open(); // the manager was only slow: the debit commits after the caller gave up
    assertThat(store.done.await(10, TimeUnit.SECONDS)).isTrue();
    Permit original = (Permit) phone.authorize(call1(id));
    assertThat(original.replayed()).isTrue();
    assertThat(original.balance().minor()).isEqualTo(900);
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void aServerStoppedMidRequestLeavesTheCallerUnknownAndTheRetryAppliesOnce() throws Exception {
    activate();
    SettlementAuthenticator phone = phone(Duration.ofSeconds(20));
    store.shut();
    CompletableFuture<AuthorizationResult> call =
        CompletableFuture.supplyAsync(() -> phone.authorize(call1(id)));
    assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();
    server.close(); // drops the connection under the request
    assertThat(call.get(20, TimeUnit.SECONDS)).isInstanceOf(Unknown.class);

    store.open();
    server = start();
    AuthorizationResult retry = phone(Duration.ofSeconds(20)).authorize(call1(id));
    assertThat(retry).isInstanceOf(Permit.class);
    assertThat(net.balance(id)).isEqualTo(900);
    assertThat(phone(Duration.ofSeconds(20)).authorize(call1(id)))
        .isInstanceOfSatisfying(Permit.class, p -> assertThat(p.replayed()).isTrue());
    assertThat(net.balance(id)).isEqualTo(900);
  }

  @Test
  void aManagerThatCannotBeReachedIsUnavailableNotARefusal() {
    activate();
    SettlementAuthenticator phone = phone(Duration.ofSeconds(5));
    server.close();
    AuthorizationResult r = phone.authorize(call1(id));
    assertThat(r).isInstanceOf(Unavailable.class);
    assertThat(net.balance(id)).isEqualTo(1000);
  }
}
