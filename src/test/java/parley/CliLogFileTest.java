package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a process: its log file in PARLEY_HOME/logs, and a log it cannot write. */
class CliLogFileTest {
    @TempDir
    Path home;

    private record Run(int code, String out, String err) {}

    private Run parley(String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PARLEY_HOME", home.toString());
        Path out = home.resolveSibling(home.getFileName() + ".out");
        Path err = home.resolveSibling(home.getFileName() + ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aRunWritesCliLogInTheDataFoldersLogFolder() throws Exception {
        Run run = parley("usage");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        String log = Files.readString(home.resolve("logs").resolve("cli.log"));
        assertThat(log).contains("parley usage started").contains("migrating ").contains("parley usage ended with exit code 0");
        assertThat(home.resolve("logs").resolve("parley.log")).doesNotExist();
    }

    @Test
    void aLogFolderThatCannotBeWrittenIsSaidOnceOnStderrAndTheCommandStillRuns() throws Exception {
        Files.writeString(home.resolve("logs"), "a file where the log folder should be");

        Run run = parley("usage", "--verbose");

        assertThat(run.code()).isZero();
        List<String> troubles = run.err().lines().filter(l -> l.startsWith("parley: The log cannot be written")).toList();
        assertThat(troubles).hasSize(1);
        assertThat(troubles.getFirst()).contains(home.resolve("logs").toString()).contains("goes on without it");
        assertThat(run.err()).contains("parley usage started"); // --verbose still echoes
        assertThat(run.out()).contains("No requests");
    }
}
