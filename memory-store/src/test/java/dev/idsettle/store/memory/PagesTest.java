package dev.idsettle.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The paged storage under the store: records, objects, interned values, instants. */
class PagesTest {

  @Test
  void recordsKeepTheirFieldsAcrossManyPages() {
    RecordPages pages = new RecordPages("test records", 3, 4); // 16 records a page
    int n = 5_000;
    for (int i = 1; i <= n; i++) {
      int r = pages.allocate();
      assertThat(r).isEqualTo(i);
      pages.set(r, 0, i);
      pages.set(r, 1, -i);
      pages.setRelease(r, 2, (long) i << 32);
    }

    assertThat(pages.size()).isEqualTo(n);
    for (int r = 1; r <= n; r++) {
      assertThat(pages.get(r, 0)).isEqualTo(r);
      assertThat(pages.get(r, 1)).isEqualTo(-r);
      assertThat(pages.getAcquire(r, 2)).isEqualTo((long) r << 32);
    }
  }

  @Test
  void objectPagesKeepEveryElement() {
    ObjectPages<String> pages = new ObjectPages<>(String.class);
    for (int i = 1; i <= 5_000; i++) {
      assertThat(pages.add("v" + i)).isEqualTo(i);
    }

    assertThat(pages.size()).isEqualTo(5_000);
    assertThat(pages.get(1)).isEqualTo("v1");
    assertThat(pages.get(1024)).isEqualTo("v1024");
    assertThat(pages.get(5_000)).isEqualTo("v5000");
    assertThatThrownBy(() -> pages.get(5_001)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void internerNumbersEachValueOnceUntilFull() {
    Interner<String> interner = new Interner<>(String.class, 2);

    int a = interner.indexOf("svc:phone");
    int b = interner.indexOf("activation");
    assertThat(a).isPositive();
    assertThat(b).isPositive().isNotEqualTo(a);
    assertThat(interner.indexOf(new String("svc:phone"))).isEqualTo(a);
    assertThat(interner.indexOf("third")).as("full").isZero();
    assertThat(interner.valueAt(a)).isEqualTo("svc:phone");
    assertThat(interner.valueAt(b)).isEqualTo("activation");
    assertThat(interner.size()).isEqualTo(2);
  }

  @Test
  void epochNanosRoundTripsWhatFitsAndRefusesTheRest() {
    Instant[] fitting = {
      Instant.EPOCH,
      Instant.parse("2026-01-01T00:00:00.123456789Z"),
      Instant.parse("1900-06-30T23:59:59.999999999Z"),
      Instant.parse("2262-04-11T23:47:16.854775807Z"),
      Instant.parse("1677-09-21T00:12:43.145224193Z")
    };
    for (Instant instant : fitting) {
      assertThat(EpochNanos.fits(instant)).as("%s fits", instant).isTrue();
      assertThat(EpochNanos.toInstant(EpochNanos.of(instant))).isEqualTo(instant);
    }
    Instant[] outside = {
      Instant.MAX,
      Instant.MIN,
      Instant.parse("2262-04-11T23:47:16.854775808Z"),
      Instant.parse("1677-09-21T00:12:43.145224192Z") // the encoding of NONE itself
    };
    for (Instant instant : outside) {
      assertThat(EpochNanos.fits(instant)).as("%s does not fit", instant).isFalse();
      assertThat(EpochNanos.of(instant)).isEqualTo(EpochNanos.NONE);
    }
    assertThat(EpochNanos.fits(null)).isFalse();
  }
}
