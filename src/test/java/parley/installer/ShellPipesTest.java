package parley.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CI's and the installers' shell scripts run under {@code set -o pipefail}, where a pipe into a
 * reader that stops before its input ends ({@code grep -q}, {@code head}) fails at random: the
 * writer gets SIGPIPE and the pipeline's status is 141 although the reader found its line.
 */
class ShellPipesTest {
    private static final Pattern PIPEFAIL = Pattern.compile("(?m)^\\s*set -[a-z]*o pipefail");
    private static final Pattern EARLY_READER =
            Pattern.compile("\\|\\s*(grep\\s+(-[a-zA-Z]*[qm]|--quiet|--max-count)|head\\b|sed\\s+[^|]*\\bq\\b)");

    static List<Path> scripts() throws IOException {
        List<Path> scripts = new ArrayList<>(List.of(Path.of(".ci/run")));
        try (Stream<Path> files = Files.walk(Path.of("installer"))) {
            files.filter(file -> file.toString().endsWith(".sh")).sorted().forEach(scripts::add);
        }
        return scripts;
    }

    @Test
    void noPipeUnderPipefailEndsInAReaderThatStopsEarly() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path script : scripts()) {
            String text = Files.readString(script);
            if (!PIPEFAIL.matcher(text).find()) continue;
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceFirst("^\\s*#.*", "");
                if (EARLY_READER.matcher(code).find()) found.add(script + ":" + (i + 1) + ": " + code.strip());
            }
        }
        assertThat(found).as("capture the output into a variable and search it with a here-string").isEmpty();
    }

    @Test
    void theScriptsThatPackageParleyAreChecked() throws IOException {
        assertThat(scripts()).contains(Path.of(".ci/run"), Path.of("installer/package.sh"));
    }

    /** Why the rule exists: shown with bash itself where it is installed (always on Linux CI). */
    @Test
    void aPipeIntoGrepQuietFailsUnderPipefailWhenTheWriterHasMoreToSay() throws Exception {
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "no bash here");
        Process process = new ProcessBuilder(bash.toString(), "-c",
                "set -o pipefail; seq 1 1000000 | grep -q '^1$'; echo $?").redirectErrorStream(true).start();
        String status = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();

        assertThat(status).isEqualTo("141"); // 128 + SIGPIPE, although grep found its line
    }
}
