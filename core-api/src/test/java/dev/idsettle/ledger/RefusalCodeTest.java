package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RefusalCodeTest {
  @Test
  void everyRefusalReadsBackFromItsStoredName() {
    for (Refusal r : Refusal.values()) {
      assertThat(Refusal.ofCode(r.code())).isSameAs(r);
    }
  }

  @Test
  void theRenamedRefusalKeepsTheNameItWasStoredAndSealedUnder() {
    assertThat(Refusal.INSUFFICIENT_BALANCE.code()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(Refusal.ofCode("INSUFFICIENT_FUNDS")).isSameAs(Refusal.INSUFFICIENT_BALANCE);
    assertThatThrownBy(() -> Refusal.ofCode("NO_SUCH_REFUSAL"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
