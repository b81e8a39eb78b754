package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database is set aside, and the command line says where on one line of stderr. */
class DamagedDatabaseCliTest {
    @TempDir
    Path home;

    @Test
    void theCommandRunsOnAFreshDatabaseAndNamesTheKeptFile() throws Exception {
        Files.writeString(home.resolve("parley.db"), "not a database at all, just words ".repeat(50));

        CliRun run = CliRun.of(Map.of("PARLEY_HOME", home.toString()), "usage");

        assertThat(run.code()).isZero();
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("parley: The database " + home.resolve("parley.db"))
                .contains("could not be read", "kept as " + home.resolve("parley.db.damaged-"), "a new one was started"));
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("parley.db.damaged-"));
        }

        CliRun again = CliRun.of(Map.of("PARLEY_HOME", home.toString()), "usage");
        assertThat(again.err()).isEmpty();
    }
}
