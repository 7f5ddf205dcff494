package dev.idsettle.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Derived transfer ids are persisted: the derivation must never change. */
class TransferIdTest {

  @Test
  void derivedIdsAreTheOnesStoresAlreadyHold() {
    // computed with the first implementation; a change here orphans every stored transfer
    assertDerives(
        "189485d4-d84c-9b1e-c284-88b7c87ee24d", "idsettle:debit", "bench", "kiosk-1", "r0");
    assertDerives(
        "f9c1f0ef-5489-364e-2185-6276c487bb0a", "idsettle:debit", "phone", "kiosk-9", "req-1");
    assertDerives(
        "0fdc7c90-a4d8-fbf3-356b-350143598a6c", "idsettle:activation", "till-1", "sale-42");
    assertDerives(
        "eb1226ff-7892-f704-c7d4-55801a53aae3",
        "idsettle:reversal",
        "6f1c0e9a-1b2c-4d3e-8f40-123456789abc");
    assertDerives("e2942423-64ea-dd42-e831-387a6eb67768", "ns");
    assertDerives("af5570f5-a181-0b7a-f78c-af4bc70a660f", "", "");
    assertDerives(
        "d497873e-2789-2eaa-3424-5eaf55b829e6",
        "idsettle:debit",
        "café",
        "Kasse-Zürich-Ω",
        "Ref-\uD83D\uDE00-1");
    assertDerives(
        "103ab5b8-451c-9748-948a-c7f68db2258d",
        "idsettle:debit",
        "x".repeat(300),
        "y".repeat(70_000),
        "z");
    assertDerives("01987fe1-d0fb-074b-cc34-8d9efed921de", "idsettle:expire", "\u0000\u007f\u0080");
    // a lone surrogate is encoded as '?', as String.getBytes(UTF_8) does
    assertDerives("87a23d04-f7a0-e108-bc89-049d8b5660b2", "lone", "\uD800x");
  }

  @Test
  void partsAreLengthPrefixed() {
    assertDerives("f2939f90-3016-e5bb-29b1-e4a61cdbd376", "ab", "c");
    assertDerives("b534ce16-ac9c-8b36-823f-39a395ce8e0e", "a", "bc");
  }

  @Test
  void asciiPartsDeriveAsTheReferenceDoes() {
    Gen<String> ascii = strings().betweenCodePoints(0, 127).ofLengthBetween(0, 40);
    qt().forAll(ascii, arrays().ofStrings(ascii).withLengthBetween(0, 4))
        .checkAssert(
            (namespace, parts) ->
                assertThat(TransferId.derive(namespace, parts))
                    .isEqualTo(reference(namespace, parts)));
  }

  @Test
  void anyPartsDeriveAsTheReferenceDoes() {
    Gen<String> any = strings().allPossible().ofLengthBetween(0, 40);
    // lone and paired surrogates, one-, two- and three-byte characters
    Gen<String> mixed =
        lists()
            .of(Generate.pick(List.of("a", "\u00e9", "\u20ac", "\uD83D", "\uDE00", "\uD800")))
            .ofSizeBetween(0, 20)
            .map(chars -> chars.stream().collect(Collectors.joining()));
    qt().forAll(any, mixed, arrays().ofStrings(any).withLengthBetween(0, 3))
        .checkAssert(TransferIdTest::anyPartsDeriveAsTheReferenceDoes);
  }

  private static void anyPartsDeriveAsTheReferenceDoes(
      String namespace, String mixed, String[] parts) {
    String[] all = new String[parts.length + 1];
    all[0] = mixed;
    System.arraycopy(parts, 0, all, 1, parts.length);
    assertThat(TransferId.derive(namespace, all)).isEqualTo(reference(namespace, all));
  }

  @Test
  void partsAroundTheBufferSizeDeriveAsTheReferenceDoes() {
    // parts that fill the derivation's 512-byte buffer exactly, overflow it or exceed it
    for (int n = 0; n < 1100; n += n < 490 ? 61 : 1) {
      String ascii = "k".repeat(n);
      String wide = "\u00e9".repeat(n / 2);
      assertThat(TransferId.derive("ns", ascii, "r")).isEqualTo(reference("ns", ascii, "r"));
      assertThat(TransferId.derive(ascii, ascii, ascii)).isEqualTo(reference(ascii, ascii, ascii));
      assertThat(TransferId.derive("ns", wide, ascii)).isEqualTo(reference("ns", wide, ascii));
      assertThat(TransferId.derive(wide, "x", wide)).isEqualTo(reference(wide, "x", wide));
    }
  }

  @Test
  void roundTripsThroughUuid() {
    TransferId id = TransferId.random();
    assertThat(TransferId.of(id.toUuid())).isEqualTo(id);
    assertThat(id.toString()).isEqualTo(id.toUuid().toString());
  }

  private static void assertDerives(String expected, String namespace, String... parts) {
    TransferId id = TransferId.derive(namespace, parts);
    assertThat(id).isEqualTo(TransferId.of(UUID.fromString(expected)));
    assertThat(id).isEqualTo(reference(namespace, parts));
  }

  /** The first implementation, verbatim in substance: what every stored id was derived with. */
  private static TransferId reference(String namespace, String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      feed(sha, namespace);
      for (String part : parts) {
        feed(sha, part);
      }
      ByteBuffer h = ByteBuffer.wrap(sha.digest());
      return new TransferId(h.getLong(), h.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void feed(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    sha.update((byte) (n >>> 24));
    sha.update((byte) (n >>> 16));
    sha.update((byte) (n >>> 8));
    sha.update((byte) n);
    sha.update(b);
  }
}
