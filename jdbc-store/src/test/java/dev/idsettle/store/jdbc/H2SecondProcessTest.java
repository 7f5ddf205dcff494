package dev.idsettle.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idsettle.spi.StoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A second process on one H2 file is refused with a message that says what to use instead (H2
 * itself says only "Database may be already in use").
 */
class H2SecondProcessTest {
  @Test
  void aSecondProcessIsRefusedWithWhatToUseInstead() throws Exception {
    String url = TestDatabases.newH2Url("second-process");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HoldOpen.class.getName(),
                url)
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("open");
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser("sa");
      assertThatThrownBy(() -> JdbcStore.builder(ds).build())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("open in another process")
          .hasMessageContaining("PostgreSQL");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The other process: opens the H2 file, says so, and keeps it open until killed. */
  static final class HoldOpen {
    private HoldOpen() {}

    @SuppressWarnings("try") // the connection is held open, never used
    public static void main(String[] args) throws Exception {
      try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
        System.out.println("open");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
      }
    }
  }
}
