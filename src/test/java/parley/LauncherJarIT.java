package parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/parley.jar} on a Java older than 25 (one under /usr/lib/jvm, e.g. Debian's
 * openjdk-17-jre-headless, which .ci/run installs) says in one line that Parley needs Java 25.
 */
class LauncherJarIT {
    private static final Path JAR = Path.of("target", "parley.jar");
    private static final Path JVMS = Path.of("/usr/lib/jvm");

    record Run(int code, String out, String err) {}

    @Test
    void anOlderJavaGetsOneLineSayingParleyNeedsJava25() throws Exception {
        Optional<Path> oldJava = olderJavaHome();
        if ("1".equals(System.getenv("PARLEY_REQUIRE_OLD_JAVA"))) {
            assertThat(oldJava).as("PARLEY_REQUIRE_OLD_JAVA=1 but no Java older than 25 under " + JVMS).isPresent();
        }
        assumeTrue(oldJava.isPresent(), "no Java older than 25 under " + JVMS + " (apt-get install openjdk-17-jre-headless)");

        Run run = javaJar(oldJava.get(), "--version");

        String version = String.valueOf(feature(oldJava.get()));
        assertThat(run.code()).isEqualTo(Launcher.EXIT_WRONG_JAVA);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(Launcher.refusal(version, oldJava.get().toRealPath().toString()) + System.lineSeparator())
                .startsWith("parley: Parley needs Java 25 or newer, and this is Java " + version + " at ")
                .doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void java25RunsTheCommandLineThroughTheLauncher() throws Exception {
        Run run = javaJar(Path.of(System.getProperty("java.home")), "--version");

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("parley ");
    }

    private static Run javaJar(Path javaHome, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("run 'mvn package' first").exists();
        List<String> command = Stream.concat(Stream.of(javaHome.resolve("bin/java").toString(), "-jar", JAR.toString()),
                Stream.of(args)).toList();
        Path out = Files.createTempFile("parley-out", ".txt");
        Path err = Files.createTempFile("parley-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java exits on its own").isTrue();
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** A Java runtime older than 25 under /usr/lib/jvm, the newest of them. */
    static Optional<Path> olderJavaHome() throws IOException {
        if (!Files.isDirectory(JVMS)) return Optional.empty();
        try (Stream<Path> homes = Files.list(JVMS)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) > 0 && feature(home) < Launcher.REQUIRED_JAVA)
                    .max(java.util.Comparator.comparingInt(LauncherJarIT::feature));
        }
    }

    /** The feature release in a Java home's {@code release} file (JAVA_VERSION="17.0.15"); -1 without one. */
    static int feature(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> Launcher.feature(line.substring("JAVA_VERSION=".length()).replace("\"", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
