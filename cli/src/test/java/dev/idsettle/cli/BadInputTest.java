package dev.idsettle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idsettle.id.IdNumber;
import dev.idsettle.id.IdNumberFormat;
import dev.idsettle.id.IdNumberGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Usage and bad input end with 2, a message naming the option, and never echo an ID number. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  @TempDir static Path dir;
  Cli cli;
  final IdNumber id = IdNumberGenerator.secure(IdNumberFormat.DEFAULT).next();

  @BeforeAll
  void init() {
    cli = Cli.sqlite(dir);
    Fixture.init(cli);
  }

  @Test
  void aMalformedIdIsRefusedWithoutEchoingIt() {
    String digits = id.digits();
    // one digit changed: the check digit no longer matches
    char last = digits.charAt(15);
    String wrong = digits.substring(0, 15) + (last == '9' ? '0' : (char) (last + 1));
    Cli.Run run = cli.run("balance", wrong).expect(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("ID").contains("not a valid ID number");
    assertThat(run.err()).doesNotContain(wrong).doesNotContain(wrong.substring(0, 12));
    assertThat(cli.run("balance", "12ab").expect(ExitCodes.BAD_INPUT).err()).contains("ID");
  }

  @Test
  void anUnmatchedArgumentIsMaskedToo() {
    Cli.Run run = cli.run("block", id.digits(), id.formatted()).expect(ExitCodes.BAD_INPUT);
    assertThat(run.err()).doesNotContain(id.digits()).doesNotContain(id.formatted());
    assertThat(run.err()).contains(id.digits().substring(12));
  }

  @Test
  void amountsAreCheckedAndNamed() {
    for (String bad : new String[] {"-5", "abc", "0", "1e3", "1,5"}) {
      Cli.Run run =
          cli.run(
                  "authorize",
                  id.digits(),
                  "--service",
                  "phone",
                  "--amount",
                  bad,
                  "--terminal",
                  "k",
                  "--reference",
                  "r")
              .expect(ExitCodes.BAD_INPUT);
      assertThat(run.err()).as(bad).contains("--amount");
    }
    Cli.Run run =
        cli.run(
                "authorize",
                id.digits(),
                "--service",
                "phone",
                "--amount",
                "1.005",
                "--terminal",
                "k",
                "--reference",
                "r")
            .expect(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--amount").contains("decimals");
  }

  @Test
  void missingOptionsUnknownCommandsAndNoCommandAreUsageErrors() {
    assertThat(cli.run("authorize", id.digits()).expect(ExitCodes.BAD_INPUT).err())
        .contains("--service");
    assertThat(cli.raw("frobnicate").expect(ExitCodes.BAD_INPUT).err()).contains("frobnicate");
    assertThat(cli.raw().expect(ExitCodes.BAD_INPUT).err()).contains("command");
    assertThat(cli.run("activate", id.digits(), "--amount", "1", "--terminal", "t").code())
        .isEqualTo(ExitCodes.BAD_INPUT);
    // a reference the library refuses (control characters) is bad input, not a denial
    assertThat(
            cli.run(
                    "authorize",
                    id.digits(),
                    "--service",
                    "phone",
                    "--amount",
                    "1",
                    "--terminal",
                    "k",
                    "--reference",
                    "a\u0001b")
                .expect(ExitCodes.BAD_INPUT)
                .err())
        .contains("reference");
  }

  @Test
  void helpListsTheExitCodesAndSucceeds() {
    Cli.Run help = cli.raw("--help").expect(0);
    assertThat(help.out()).contains("Exit codes").contains("Outcome unknown").contains("batch");
    assertThat(cli.raw("batch", "create", "--help").expect(0).out())
        .contains("--denomination")
        .contains("Exit codes");
    assertThat(cli.raw("--version").expect(0).out()).contains("idsettle-cli");
  }
}
