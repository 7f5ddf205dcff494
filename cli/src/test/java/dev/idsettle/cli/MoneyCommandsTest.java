package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import dev.idsettle.ledger.ExpiryPolicy;
import dev.idsettle.roles.IssuedSlips;
import dev.idsettle.roles.Slip;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every money command, done and denied, on an H2 file; nothing printed holds a full ID. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyCommandsTest {
  @TempDir static Path dir;
  Cli cli;
  IssuedSlips batch;

  /** One ledger for the class: each test sells slips of its own. */
  @BeforeAll
  void init() {
    cli = Cli.h2(dir);
    Fixture.init(cli);
    batch = Fixture.sellable(cli, "S1", 2);
  }

  /** Checked after every test, over all the class printed so far. */
  @AfterEach
  void nothingPrintedHoldsAFullId() {
    String all = cli.everything.toString();
    for (Slip s : batch.slips()) {
      assertThat(all).doesNotContain(s.id().digits()).doesNotContain(s.id().formatted());
    }
  }

  String id(int n) {
    return batch.slips().get(n - 1).id().formatted();
  }

  String serial(int n) {
    return batch.slips().get(n - 1).serial().toString();
  }

  Cli.Run sell(int n, String reference) {
    return cli.run(
        "activate",
        id(n),
        "--serial",
        serial(n),
        "--amount",
        "10.00",
        "--terminal",
        "till-1",
        "--reference",
        reference,
        "--json");
  }

  @Test
  void activateSellsASlipAndRepeatsTheAnswerForItsReference() {
    JsonNode done = sell(1, "a1").expect(0).json();
    assertThat(done.get("outcome").asText()).isEqualTo("done");
    assertThat(done.get("id").asText()).isEqualTo(batch.slips().get(0).id().masked());
    assertThat(done.get("amount").get("minor").asLong()).isEqualTo(1000);
    assertThat(done.get("replayed").asBoolean()).isFalse();
    assertThat(sell(1, "a1").expect(0).json().get("replayed").asBoolean()).isTrue();

    JsonNode wrongFace =
        cli.run(
                "activate",
                id(2),
                "--serial",
                serial(2),
                "--amount",
                "9.00",
                "--terminal",
                "till-1",
                "--reference",
                "a2",
                "--json")
            .expect(ExitCodes.DENIED)
            .json();
    assertThat(wrongFace.get("outcome").asText()).isEqualTo("denied");
    assertThat(wrongFace.get("serial").asText()).isEqualTo(serial(2));

    Cli.Run plain =
        cli.run("activate", id(2), "--amount", "10", "--terminal", "till-1", "--reference", "a2b")
            .expect(ExitCodes.DENIED);
    assertThat(plain.out()).contains("SLIP_ONLY").contains(batch.slips().get(1).id().masked());

    assertThat(
            cli.run(
                    "activate",
                    id(2),
                    "--serial",
                    serial(2),
                    "--service",
                    "phone",
                    "--amount",
                    "10",
                    "--terminal",
                    "t",
                    "--reference",
                    "r")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--service");
    assertThat(
            cli.run(
                    "activate",
                    id(2),
                    "--service",
                    "tv",
                    "--amount",
                    "10",
                    "--terminal",
                    "t",
                    "--reference",
                    "r")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("not registered");
  }

  @Test
  void authorizeDebitsWarnsLowAndDenies() {
    sell(3, "a3").expect(0);
    JsonNode permit =
        cli.run(
                "authorize",
                id(3),
                "--service",
                "phone",
                "--amount",
                "8",
                "--terminal",
                "k1",
                "--reference",
                "r1",
                "--json")
            .expect(0)
            .json();
    assertThat(permit.get("balance").get("minor").asLong()).isEqualTo(200);
    assertThat(permit.get("lowBalance").asBoolean()).isTrue();
    Cli.Run denied =
        cli.run(
                "authorize",
                id(3),
                "--service",
                "phone",
                "--amount",
                "5",
                "--terminal",
                "k1",
                "--reference",
                "r2")
            .expect(ExitCodes.DENIED);
    assertThat(denied.out()).contains("INSUFFICIENT_BALANCE");
    assertThat(
            cli.run(
                    "authorize",
                    id(3),
                    "--service",
                    "tv",
                    "--amount",
                    "1",
                    "--terminal",
                    "k1",
                    "--reference",
                    "r3")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("--service");

    JsonNode balance = cli.run("balance", id(3), "--json").expect(0).json();
    assertThat(balance.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(balance.get("balance").get("minor").asLong()).isEqualTo(200);
    assertThat(balance.get("available").get("minor").asLong()).isEqualTo(200);
    assertThat(balance.get("expiresAt").asText()).isNotEmpty();
    assertThat(cli.run("balance", id(3)).expect(0).out()).contains("ACTIVE").contains("2.00 EUR");

    JsonNode journal = cli.run("journal", id(3), "--json").expect(0).json();
    assertThat(journal.get("entries").size()).isGreaterThanOrEqualTo(3);
    assertThat(journal.get("nextOffset").isNull()).isTrue();
    JsonNode page =
        cli.run("journal", id(3), "--limit", "1", "--offset", "1", "--json").expect(0).json();
    assertThat(page.get("entries").size()).isEqualTo(1);
    assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
    assertThat(page.get("entries").get(0).get("kind").asText()).isNotEmpty();
    assertThat(cli.run("journal", id(3)).expect(0).out()).contains("REFUSED");
    cli.run("journal", id(3), "--limit", "0").expect(ExitCodes.BAD_INPUT);
    cli.run("journal", id(3), "--offset", "-1").expect(ExitCodes.BAD_INPUT);
  }

  @Test
  void anIdNeverIssuedIsDeniedAsUnknown() {
    IdNumber never = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();
    Cli.Run run = cli.run("balance", never.digits(), "--json").expect(ExitCodes.DENIED);
    assertThat(run.json().get("reason").asText()).isEqualTo("UNKNOWN_ID");
    cli.run("journal", never.digits()).expect(ExitCodes.DENIED);
    assertThat(cli.everything.toString()).doesNotContain(never.digits());
  }

  @Test
  void splitMovesValueIntoEnvelopesThatOnlyTheirServiceSpends() {
    sell(4, "a4s").expect(0);
    JsonNode split =
        cli.run(
                "split",
                id(4),
                "--amount",
                "phone=4",
                "--amount",
                "web=3.00",
                "--reference",
                "s1",
                "--json")
            .expect(0)
            .json();
    assertThat(split.get("unallocated").get("minor").asLong()).isEqualTo(300);
    assertThat(split.get("envelopes").get("phone").get("minor").asLong()).isEqualTo(400);
    assertThat(split.get("envelopes").get("web").get("minor").asLong()).isEqualTo(300);
    JsonNode balance = cli.run("balance", id(4), "--json").expect(0).json();
    assertThat(balance.get("envelopes").get("web").get("minor").asLong()).isEqualTo(300);
    assertThat(balance.get("unallocated").get("minor").asLong()).isEqualTo(300);
    cli.run(
            "authorize",
            id(4),
            "--service",
            "web",
            "--amount",
            "3.50",
            "--terminal",
            "w",
            "--reference",
            "w1")
        .expect(ExitCodes.DENIED);
    cli.run("split", id(4), "--amount", "phone=20", "--reference", "s2").expect(ExitCodes.DENIED);
    assertThat(
            cli.run(
                    "split",
                    id(4),
                    "--amount",
                    "phone=1",
                    "--amount",
                    "phone=2",
                    "--reference",
                    "s3")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("twice");
    assertThat(cli.run("split", id(4), "--amount", "phone", "--reference", "s4").expect(2).err())
        .contains("--amount");
  }

  @Test
  void refundPaysBackAnUnusedIdAndRefusesAUsedOne() {
    // the CLI issues slips only; a plain ID (issued by the library elsewhere) is activated at a
    // till and paid back there
    IdNumber plain;
    try (Workspace ws = Fixture.open(cli)) {
      plain = ws.settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    }
    cli.run(
            "activate",
            plain.digits(),
            "--amount",
            "7.50",
            "--terminal",
            "till-2",
            "--reference",
            "p1")
        .expect(0);
    JsonNode refund =
        cli.run("refund", plain.digits(), "--terminal", "till-2", "--reference", "p1", "--json")
            .expect(0)
            .json();
    assertThat(refund.get("amount").get("minor").asLong()).isEqualTo(750);
    assertThat(
            cli.run("balance", plain.digits(), "--json")
                .expect(0)
                .json()
                .get("balance")
                .get("minor")
                .asLong())
        .isZero();
    // a slip was not activated by the terminal's reference: nothing to pay back
    sell(5, "a5").expect(0);
    JsonNode nothing =
        cli.run("refund", id(5), "--terminal", "till-1", "--reference", "a5", "--json")
            .expect(ExitCodes.DENIED)
            .json();
    assertThat(nothing.get("reason").asText()).isEqualTo("NOTHING_ACTIVATED");
    // used since: refused
    IdNumber used;
    try (Workspace ws = Fixture.open(cli)) {
      used = ws.settle.issuer().issue(1, ExpiryPolicy.never()).ids().get(0);
    }
    cli.run("activate", used.digits(), "--amount", "5", "--terminal", "till-2", "--reference", "p2")
        .expect(0);
    cli.run(
            "authorize",
            used.digits(),
            "--service",
            "web",
            "--amount",
            "1",
            "--terminal",
            "k",
            "--reference",
            "u1")
        .expect(0);
    JsonNode refused =
        cli.run("refund", used.digits(), "--terminal", "till-2", "--reference", "p2", "--json")
            .expect(ExitCodes.DENIED)
            .json();
    assertThat(refused.get("reason").asText()).isEqualTo("ALREADY_USED");
    assertThat(cli.everything.toString())
        .doesNotContain(plain.digits())
        .doesNotContain(used.digits());
  }

  @Test
  void blockStopsSpendingAndRepeatsHarmlessly() {
    sell(6, "a6").expect(0);
    assertThat(cli.run("block", id(6), "--json").expect(0).json().get("accounts").asInt())
        .isPositive();
    assertThat(cli.run("block", id(6)).expect(0).out()).contains("blocked already");
    assertThat(
            cli.run(
                    "authorize",
                    id(6),
                    "--service",
                    "web",
                    "--amount",
                    "1",
                    "--terminal",
                    "k",
                    "--reference",
                    "b1")
                .expect(ExitCodes.DENIED)
                .out())
        .contains("BLOCKED");
  }

  @Test
  void linkAndMergeGatherAHoldersIds() {
    sell(7, "a7").expect(0);
    sell(8, "a8").expect(0);
    JsonNode linked =
        cli.run("link", id(7), "--holder", "cust-1", "--reference", "l1", "--json")
            .expect(0)
            .json();
    assertThat(linked.get("ids").asInt()).isEqualTo(1);
    JsonNode merged =
        cli.run("merge", id(8), "--holder", "cust-1", "--reference", "m1", "--json")
            .expect(0)
            .json();
    assertThat(merged.get("merged").asInt()).isEqualTo(1);
    assertThat(merged.get("moved").get("minor").asLong()).isEqualTo(1000);
    assertThat(merged.get("balance").get("minor").asLong()).isEqualTo(2000);
    assertThat(cli.run("balance", id(7), "--json").expect(0).json().get("state").asText())
        .isEqualTo("MERGED");
    assertThat(
            cli.run("link", id(7), "--holder", "cust-2", "--reference", "l2", "--json")
                .expect(ExitCodes.DENIED)
                .json()
                .get("outcome")
                .asText())
        .isEqualTo("denied");
  }
}
