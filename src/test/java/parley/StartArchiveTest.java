package parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartArchiveTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void theLauncherNamesTheArchiveAndTheClassListBesideIt() {
        String before = System.getProperty(StartArchive.PROPERTY);
        try {
            System.clearProperty(StartArchive.PROPERTY);
            assertThat(StartArchive.ofLauncher()).isEmpty();
            System.setProperty(StartArchive.PROPERTY, dir.resolve("parley.jsa").toString());
            assertThat(StartArchive.ofLauncher()).contains(
                    new StartArchive(dir.resolve("parley.jsa"), dir.resolve("parley.classlist")));
        } finally {
            if (before == null) System.clearProperty(StartArchive.PROPERTY);
            else System.setProperty(StartArchive.PROPERTY, before);
        }
    }

    @Test
    void theDumpRunKeepsTheModuleOptionsTheArchiveIsCheckedAgainstAndNothingElse() {
        StartArchive start = new StartArchive(dir.resolve("a.jsa"), dir.resolve("a.classlist"));
        List<String> command = start.command(JAVA, "/app/a.jar:/app/b.jar",
                List.of("-Xmx512m", "--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dparley.start-archive=x",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED"),
                dir.resolve("a.jsa.tmp"));
        assertThat(command).containsExactly(JAVA.toString(), "-Xshare:dump", "-XX:+AOTClassLinking",
                "--enable-native-access=javafx.graphics,ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-XX:SharedClassListFile=" + dir.resolve("a.classlist"),
                "-XX:SharedArchiveFile=" + dir.resolve("a.jsa.tmp"), "-cp", "/app/a.jar:/app/b.jar");
    }

    @Test
    void writesAnArchiveThatTheSameRuntimeMapsWithTheSameOptions() throws Exception {
        StartArchive start = new StartArchive(dir.resolve("app.jsa"), dir.resolve("app.classlist"));
        Files.writeString(start.classList(), "java/lang/Object\njava/lang/String\njava/util/ArrayList\n");
        List<String> options = List.of("--enable-native-access=ALL-UNNAMED");

        assertThat(start.write(JAVA, "", options)).isEqualTo(start.archive());

        assertThat(start.archive()).isRegularFile();
        assertThat(dir.resolve("app.jsa.tmp")).doesNotExist();
        Run mapped = run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + start.archive(), options.getFirst(), "-version"));
        assertThat(mapped.exit()).as(mapped.output()).isZero();
        assertThat(mapped.output()).contains("sharing");
        // without the options it was written with, the archive's linked classes cannot be used
        Run mismatched = run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + start.archive(), "-version"));
        assertThat(mismatched.exit()).isNotZero();
    }

    @Test
    void theWindowsAndTheCommandLinesArchivesAreWrittenTogether() throws Exception {
        StartArchive window = new StartArchive(dir.resolve("parley.jsa"), dir.resolve("parley.classlist"));
        StartArchive cli = new StartArchive(dir.resolve("parley-cli.jsa"), dir.resolve("parley-cli.classlist"));
        Files.writeString(window.classList(), "java/lang/Object\njava/util/ArrayList\n");
        Files.writeString(cli.classList(), "java/lang/Object\njava/util/HashMap\n");
        Files.writeString(dir.resolve("notes.txt"), "not a class list");

        assertThat(cli.all()).containsExactly(cli, window);
        assertThat(window.writeAll(JAVA, "", List.of())).containsExactly(cli.archive(), window.archive());

        for (StartArchive each : List.of(window, cli)) {
            Run mapped = run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + each.archive(), "-version"));
            assertThat(mapped.exit()).as(mapped.output()).isZero();
        }
    }

    @Test
    void aFailedDumpLeavesTheOldArchiveAndSaysWhy() throws Exception {
        StartArchive start = new StartArchive(dir.resolve("app.jsa"), dir.resolve("app.classlist"));
        Files.writeString(start.classList(), "java/lang/Object\n");
        Files.writeString(start.archive(), "older archive");
        List<String> unusable = List.of("--add-opens=no-such-module"); // the JVM refuses to start

        assertThatThrownBy(() -> start.write(JAVA, "", unusable))
                .isInstanceOf(IOException.class).hasMessageContaining("-Xshare:dump exited with");
        assertThat(start.archive()).hasContent("older archive");
        assertThat(dir.resolve("app.jsa.tmp")).doesNotExist();
    }

    @Test
    void aMissingClassListSaysToReinstall() {
        StartArchive start = new StartArchive(dir.resolve("app.jsa"), dir.resolve("app.classlist"));
        assertThatThrownBy(() -> start.write(JAVA, "", List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("app.classlist is missing: reinstall");
        assertThat(start.shouldWrite()).isFalse();
    }

    @Test
    void aStartThatMappedAnArchiveDoesNotWriteOne() throws Exception {
        StartArchive start = new StartArchive(dir.resolve("app.jsa"), dir.resolve("app.classlist"));
        Files.writeString(start.classList(), "java/lang/Object\n");
        assumeTrue(StartArchive.inUse(), "this JVM runs without the JDK's own archive");
        assertThat(start.shouldWrite()).isFalse();
    }

    @Test
    void theErrorLineIsPreferredToTrailingWarnings() {
        assertThat(StartArchive.lastLine("Error: non-empty directory 'x'\n[warning][cds] Skipping Foo\n\n"))
                .isEqualTo("Error: non-empty directory 'x'");
        assertThat(StartArchive.lastLine("one\ntwo\n")).isEqualTo("two");
        assertThat(StartArchive.lastLine("")).isEqualTo("no output");
    }

    private record Run(int exit, String output) {}

    private static Run run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
