package dev.idsettle.tck;

import static dev.idsettle.tck.NetworkFixture.eur;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Holders;
import dev.idsettle.roles.Linked;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One holder test's set-up: a network, its {@link Holders}, and active IDs linked to one new
 * holder. What every test of {@link HolderContract} began with.
 */
final class HolderFixture {
  final NetworkFixture n;
  final Holders h;
  final String holder = "customer-" + UUID.randomUUID();
  final List<IdNumber> ids = new ArrayList<>();

  private HolderFixture(NetworkFixture n) {
    this.n = n;
    this.h = Holders.over(n.manager());
  }

  /** A network over {@code f} with one active ID of each of {@code minors}, linked to a holder. */
  static HolderFixture linked(LedgerFixture f, long... minors) {
    HolderFixture x = new HolderFixture(new NetworkFixture(f));
    for (long minor : minors) {
      IdNumber id = x.n.active(minor);
      x.ids.add(id);
      x.link(id);
    }
    return x;
  }

  /** The {@code i}th linked ID. */
  IdNumber id(int i) {
    return ids.get(i);
  }

  /** Links {@code id} to this fixture's holder. */
  void link(IdNumber id) {
    assertThat(h.link(holder, id, ref())).isInstanceOf(Linked.class);
  }

  static String ref() {
    return UUID.randomUUID().toString();
  }

  /** A request of {@code minor} for {@code id}, from the terminal "kiosk". */
  static AuthorizationRequest request(IdNumber id, long minor, String reference) {
    return new AuthorizationRequest(id, eur(minor), "kiosk", reference);
  }

  /** Spends at the phone service through the holders' linked device. */
  AuthorizationResult spend(IdNumber id, long minor, String reference) {
    return h.authenticator(n.phone()).authorize(request(id, minor, reference));
  }

  long balance(IdNumber id) {
    return n.settle().account(id).orElseThrow().posted();
  }

  /** The sum of the linked IDs' balances. */
  long sum() {
    long sum = 0;
    for (IdNumber id : ids) {
      sum += balance(id);
    }
    return sum;
  }
}
