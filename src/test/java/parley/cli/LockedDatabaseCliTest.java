package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database another program holds locked stops the command with a message; nothing is set aside. */
class LockedDatabaseCliTest {
    @TempDir
    Path home;

    @Test
    void aLockedDatabaseFailsTheCommandAndStaysWhereItIs() throws Exception {
        Map<String, String> env = Map.of("PARLEY_HOME", home.toString());
        assertThat(CliRun.of(env, "price", "set", "my-model", "--input", "1", "--output", "2").code()).isZero();
        Path file = home.resolve("parley.db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = holder.createStatement()) {
            st.execute("PRAGMA locking_mode=EXCLUSIVE");
            st.execute("BEGIN IMMEDIATE");
            st.execute("COMMIT");

            CliRun run = CliRun.of(env, "usage");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("parley: The database " + file + " is locked by another program")
                    .contains("left as it is"));
            try (Stream<Path> files = Files.list(home)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
            }
        }
        CliRun after = CliRun.of(env, "price", "list");
        assertThat(after.code()).isZero();
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).contains("my-model");
    }
}
