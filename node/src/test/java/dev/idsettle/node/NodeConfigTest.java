package dev.idsettle.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file is checked whole, and every refusal names the file, the line and the field. */
class NodeConfigTest {
  @TempDir Path dir;

  @BeforeEach
  void keys() throws IOException {
    Files.createDirectories(dir.resolve("keys"));
    for (String k : new String[] {"issuer", "manager", "till-1", "phone-1"}) {
      Keys.create(dir.resolve("keys").resolve(k + ".key"));
    }
    Files.writeString(dir.resolve("keys/short.key"), "00112233\n");
    Files.writeString(dir.resolve("keys/text.key"), "not hex at all, no\n");
  }

  private static final String MANAGER =
      """
      {
        "role": "manager",
        "party": "manager",
        "keyFile": "keys/manager.key",
        "listen": "127.0.0.1:0",
        "issuerKeyFile": "keys/issuer.key",
        "groupCommit": 64,
        "services": [{"name": "phone", "lowBalance": 300}],
        "parties": [
          {"name": "till-1", "kind": "terminal", "keyFile": "keys/till-1.key"},
          {"name": "phone-1", "kind": "authenticator", "service": "phone",
           "keyFile": "keys/phone-1.key"}
        ]
      }
      """;

  @Test
  void aValidManagerConfigLoadsWithItsDefaults() throws IOException {
    NodeConfig c = NodeConfig.load(write(MANAGER));
    assertThat(c.role()).isEqualTo(Role.MANAGER);
    assertThat(c.party()).isEqualTo("manager");
    assertThat(c.store).isEqualTo("jdbc:sqlite:" + dir.resolve("manager.db").toAbsolutePath());
    assertThat(c.parties).hasSize(2);
    assertThat(c.services).singleElement().extracting(s -> s.name()).isEqualTo("phone");
    assertThat(c.groupCommit).isEqualTo(64);
    assertThat(c.health.getPort()).isZero();
  }

  @Test
  void aBadValueIsNamedWithItsLine() throws IOException {
    refused(MANAGER.replace("\"127.0.0.1:0\"", "\"localhost\""), ":5: listen: must be host:port");
    refused(MANAGER.replace("\"manager\",\n", "\"boss\",\n"), ":2: role: must be manager,");
    refused(MANAGER.replace("64", "-1"), ":7: groupCommit: must be from 0 to 10000, was -1");
    refused(MANAGER.replace("\"listen\"", "\"lisen\""), ":5: lisen: is not a known field");
    refused(
        MANAGER.replace("keys/phone-1.key", "keys/short.key"),
        ":12: parties.1.keyFile: " + dir.resolve("keys/short.key") + " holds 4 bytes");
    refused(
        MANAGER.replace("keys/manager.key", "keys/text.key"),
        ":4: keyFile: " + dir.resolve("keys/text.key") + " must hold the key as hex digits");
    refused(MANAGER.replace("\"terminal\"", "\"teller\""), ":10: parties.0.kind: must be");
    refused(
        MANAGER.replace(", \"service\": \"phone\"", ""),
        ":11: parties.1.service: is required for an authenticator");
    refused(MANAGER.replace("\"manager\",\n  \"keyFile", "\"a b\",\n  \"keyFile"), ":3: party:");
    refused(
        MANAGER.replace("\"services\": [", "\"store\": \"jdbc:h2:mem:x\", \"services\": ["),
        ":8: store: must be a jdbc:sqlite: or jdbc:postgresql: URL");
  }

  @Test
  void aMissingFieldIsNamedWithTheLineOfItsObject() throws IOException {
    refused(
        MANAGER.replace("  \"issuerKeyFile\": \"keys/issuer.key\",\n", ""),
        ":1: issuerKeyFile: is required");
    refused(
        """
        {
          "role": "terminal",
          "party": "till-1",
          "keyFile": "keys/till-1.key",
          "clients": []
        }
        """,
        ":1: manager: is required");
    refused(
        """
        {
          "role": "authenticator",
          "party": "phone-1",
          "keyFile": "keys/phone-1.key",
          "manager": "http://127.0.0.1:80/v1",
          "clients": [
            {"name": "kiosk-1"}
          ]
        }
        """,
        ":5: manager: must be http://host:port");
  }

  @Test
  void aRoleRefusesTheFieldsOfAnother() throws IOException {
    refused(
        """
        {
          "role": "terminal",
          "party": "till-1",
          "keyFile": "keys/till-1.key",
          "manager": "http://127.0.0.1:8080",
          "store": "jdbc:sqlite:x.db"
        }
        """,
        ":6: store: is not a known field");
    refused(
        """
        {
          "role": "terminal",
          "party": "till-1",
          "keyFile": "keys/till-1.key",
          "manager": "http://127.0.0.1:8080",
          "clients": [
            {"name": "register-1", "keyFile": "keys/none.key"}
          ]
        }
        """,
        ":7: clients.0.keyFile: cannot read");
  }

  @Test
  void notJsonIsRefusedWithTheLineWhereItBreaks() throws IOException {
    refused("{\n  \"role\": \"manager\",\n  \"party\" \"x\"\n}\n", ":3: not valid JSON");
    refused(
        "{\n  \"role\": \"manager\",\n  \"role\": \"terminal\"\n}\n",
        ":3: not valid JSON: Duplicate field 'role'");
    refused("[1, 2]", ":1: the file must hold one JSON object");
    assertThatThrownBy(() -> NodeConfig.load(dir.resolve("none.json")))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("none.json: cannot be read");
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("node.json");
    Files.writeString(file, json);
    return file;
  }

  private void refused(String json, String message) throws IOException {
    Path file = write(json);
    assertThatThrownBy(() -> NodeConfig.load(file))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageStartingWith(file.toString() + ":")
        .hasMessageContaining(message);
  }
}
