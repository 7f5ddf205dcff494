package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the images are stale too often, the ledger stops offering them for a while. */
class AccountImagesTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private final AtomicLong now = new AtomicLong();
  private final AccountImages images = new AccountImages(1_000, now::get);
  private final Account account = Account.operator(AccountId.random(), EUR);

  @Test
  void anAccountFoundStaleIsNotOfferedUntilItIsNoLongerContended() {
    images.committed(List.of(account));
    assertThat(images.believed(List.of(account.id()))).containsEntry(account.id(), account);

    images.conflicted(List.of(account.id()));
    images.committed(List.of(account));

    assertThat(images.believed(List.of(account.id()))).isNull();
  }

  @Test
  void aWindowWithFewStaleOffersKeepsOffering() {
    runWindow(AccountImages.WINDOW / AccountImages.MAX_STALE_ONE_IN - 1);

    images.committed(List.of(account));
    assertThat(images.believed(List.of(account.id()))).isNotNull();
  }

  @Test
  void aWindowWithManyStaleOffersPausesTheOffersThenTriesAgain() {
    runWindow(AccountImages.WINDOW / AccountImages.MAX_STALE_ONE_IN + 1);
    images.committed(List.of(account));

    assertThat(images.believed(List.of(account.id()))).isNull();
    now.addAndGet(AccountImages.PAUSE.toNanos() - 1);
    assertThat(images.believed(List.of(account.id()))).isNull();
    now.addAndGet(1);
    assertThat(images.believed(List.of(account.id()))).isNotNull();
  }

  /** A window of offers over fresh accounts, {@code staleOffers} of which then fail their write. */
  private void runWindow(int staleOffers) {
    for (int i = 0; i < AccountImages.WINDOW; i++) {
      Account a = Account.operator(AccountId.random(), EUR);
      images.committed(List.of(a));
      assertThat(images.believed(List.of(a.id()))).isNotNull();
      if (i < staleOffers) {
        images.conflicted(List.of(a.id()));
      }
    }
  }
}
