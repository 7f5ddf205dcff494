package dev.idsettle.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.InvalidConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line's start, and a shop opened again on its own directory. */
class DemoShopTest {
  @Test
  void startsFromTheCommandLineAndReopensItsDirectoryWithTheSameKeysAndStock() throws Exception {
    Path dir = TestShops.dir("main");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] keys;
    try (DemoShop shop =
        StorefrontMain.start(
            new String[] {dir.toString(), "0"},
            new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("open " + shop.uri() + " in a browser")
          .contains("member alice, password alice-pw");
      assertThat(shop.desk().available("talk-1000")).isEqualTo(20);
      keys = Files.readAllBytes(dir.resolve("keys"));
      // a set: its order is not its content
      assertThat(Files.getPosixFilePermissions(dir.resolve("keys")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    try (DemoShop again = DemoShop.builder(dir).port(0).pinCost(TestShops.CHEAP).open()) {
      assertThat(Files.readAllBytes(dir.resolve("keys"))).isEqualTo(keys);
      assertThat(again.desk().available("talk-1000")).as("not stocked twice").isEqualTo(20);
      assertThat(again.desk().purgeGuesses()).isZero();
    }
  }

  @Test
  void refusesABadPortAndABrokenKeyFile() throws Exception {
    assertThatThrownBy(() -> StorefrontMain.start(new String[] {"x", "eighty"}, System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the port must be a number");
    assertThatThrownBy(() -> DemoShop.builder(Path.of("x")).port(70_000))
        .isInstanceOf(InvalidConfigurationException.class);
    Path dir = TestShops.dir("broken");
    Files.createDirectories(dir);
    Files.write(dir.resolve("keys"), new byte[5]);
    assertThatThrownBy(() -> DemoShop.builder(dir).port(0).open())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("must hold 128 bytes of keys, has 5");
  }
}
