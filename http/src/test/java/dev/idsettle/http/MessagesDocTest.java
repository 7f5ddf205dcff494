package dev.idsettle.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Operation;
import dev.idsettle.http.message.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/MESSAGES.md is the messages' one page: every example parses as what it says it is, writes
 * back to the same JSON, and every request and every outcome has an example.
 */
class MessagesDocTest {
  static final Pattern BLOCK =
      Pattern.compile("```json (request (\\S+)|answer|problem)\\n(.*?)```", Pattern.DOTALL);
  final ObjectMapper json = new ObjectMapper();

  static String page() throws Exception {
    Path docs = Path.of(System.getProperty("idsettle.docs", "../docs"));
    return Files.readString(docs.resolve("MESSAGES.md"), StandardCharsets.UTF_8);
  }

  @Test
  void everyExampleParsesAndWritesBackUnchanged() throws Exception {
    Matcher m = BLOCK.matcher(page());
    Set<Operation> requests = new HashSet<>();
    Set<Class<?>> answers = new HashSet<>();
    int problems = 0;
    while (m.find()) {
      byte[] text = m.group(3).getBytes(StandardCharsets.UTF_8);
      Object message;
      if (m.group(2) != null) {
        Operation op =
            Operation.atPath(m.group(2)).orElseThrow(() -> new AssertionError(m.group(2)));
        message = Messages.read(text, op.requestType());
        requests.add(op);
      } else if (m.group(1).equals("answer")) {
        message = Messages.read(text, Answer.class);
        answers.add(message.getClass());
      } else {
        message = Messages.read(text, Problem.class);
        problems++;
      }
      assertThat(json.readTree(Messages.write(message)))
          .as(m.group(3))
          .isEqualTo(json.readTree(text));
    }
    assertThat(requests).containsExactlyInAnyOrder(Operation.values());
    List<Class<?>> outcomes = new ArrayList<>(List.of(Answer.class.getPermittedSubclasses()));
    assertThat(answers).containsExactlyInAnyOrderElementsOf(outcomes);
    assertThat(problems).isPositive();
    assertThat(Request.class.getPermittedSubclasses()).hasSize(Operation.values().length);
  }
}
