package parley;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive (AppCDS) of a packaged app: the classes it loads until its window
 * is built, and Parley's also those its command line loads, parsed, verified and linked ahead of
 * time. Packages ship only the list of those classes ({@code NAME.classlist}, recorded at build
 * time); the archive (about 61 MB for Parley's window) is written from it
 * where the app is installed, with the runtime, class path and module options of that install:
 * by the .deb and .rpm install scripts ({@link #FLAG}), or at a start where the app's folder is
 * writable and the JVM found no usable archive. The launcher names the archive with
 * {@code -XX:SharedArchiveFile} and {@code -Dparley.start-archive}; until it exists the app starts
 * without it, only slower.
 * <p>Uses nothing else of Parley: the start-up benchmark compiles it into its bare window.
 */
public record StartArchive(Path archive, Path classList) {
    public static final String FLAG = "--write-start-archive";
    public static final String PROPERTY = "parley.start-archive";
    private static final String CLASS_LIST = ".classlist";

    /** The archive the launcher names; empty when the app was not started by a packaged launcher. */
    public static Optional<StartArchive> ofLauncher() {
        String archive = System.getProperty(PROPERTY, "");
        if (archive.isBlank()) return Optional.empty();
        Path path = Path.of(archive).toAbsolutePath();
        String name = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return Optional.of(new StartArchive(path, path.resolveSibling(name + CLASS_LIST)));
    }

    /** True when this JVM mapped a class-data-sharing archive (the VM says "sharing"). */
    public static boolean inUse() {
        return System.getProperty("java.vm.info", "").contains("sharing");
    }

    /** Whether this start should write the archive: none in use, and the app's folder writable. */
    public boolean shouldWrite() {
        return !inUse() && Files.isRegularFile(classList) && Files.isWritable(archive.getParent());
    }

    /**
     * The JVM run that writes {@code output}: this JVM's runtime and class path, and its module
     * options, which the archive is checked against at every start.
     */
    List<String> command(Path java, String classPath, List<String> jvmOptions, Path output) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xshare:dump", "-XX:+AOTClassLinking"));
        jvmOptions.stream().filter(StartArchive::isModuleOption).forEach(command::add);
        command.addAll(List.of("-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + output,
                "-cp", classPath));
        return command;
    }

    static boolean isModuleOption(String jvmOption) {
        return jvmOption.startsWith("--enable-native-access") || jvmOption.startsWith("--add-");
    }

    /**
     * Writes the archive for this JVM's runtime and class path. A new archive replaces the old one
     * only when complete, so a start during the write maps the old one or none.
     */
    public Path write() throws IOException, InterruptedException {
        return write(javaCommand(), System.getProperty("java.class.path"), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static Path javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    Path write(Path java, String classPath, List<String> jvmOptions) throws IOException, InterruptedException {
        if (!Files.isRegularFile(classList)) {
            throw new IOException("the class list " + classList + " is missing: reinstall the app");
        }
        Path temp = archive.resolveSibling(archive.getFileName() + ".tmp");
        List<String> command = command(java, classPath, jvmOptions, temp);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 || !Files.isRegularFile(temp)) {
            Files.deleteIfExists(temp);
            throw new IOException("java -Xshare:dump exited with " + exit + ": " + lastLine(output));
        }
        Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return archive;
    }

    /**
     * The archives of every class list in this archive's folder, this one among them: on Linux the
     * window and the command line start from archives of their own ({@code parley.jsa},
     * {@code parley-cli.jsa}), which the launcher script chooses between.
     */
    public List<StartArchive> all() throws IOException {
        List<StartArchive> all = new ArrayList<>();
        try (var files = Files.list(classList.toAbsolutePath().getParent())) {
            for (Path list : files.filter(f -> f.getFileName().toString().endsWith(CLASS_LIST)).sorted().toList()) {
                String name = list.getFileName().toString();
                all.add(new StartArchive(list.resolveSibling(name.substring(0, name.length() - CLASS_LIST.length()) + ".jsa"), list));
            }
        }
        if (all.stream().noneMatch(this::equals)) all.add(this);
        return all;
    }

    /** Writes every archive of {@link #all()} for this JVM's runtime and class path, stopping at the first that fails. */
    public List<Path> writeAll() throws IOException, InterruptedException {
        return writeAll(javaCommand(), System.getProperty("java.class.path"), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    List<Path> writeAll(Path java, String classPath, List<String> jvmOptions) throws IOException, InterruptedException {
        List<Path> written = new ArrayList<>();
        for (StartArchive archive : all()) written.add(archive.write(java, classPath, jvmOptions));
        return written;
    }

    /** {@link #FLAG}: writes the launcher's archives; the exit code for the command line. */
    public static int writeForLauncher(PrintStream out, PrintStream err) {
        Optional<StartArchive> start = ofLauncher();
        if (start.isEmpty()) {
            err.println(FLAG + " works in the packaged app only: its launcher names the archive (-D" + PROPERTY + ")");
            return 2;
        }
        try {
            for (Path written : start.get().writeAll()) {
                out.printf("start archive written: %s (%.1f MB)%n", written, Files.size(written) / 1048576.0);
            }
            return 0;
        } catch (IOException e) {
            err.println("the start archive was not written: " + e.getMessage()
                    + " (the app still starts, without it more slowly)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("the start archive was not written: interrupted");
            return 1;
        }
    }

    /** The last error the JVM printed, else its last line. */
    static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.reversed().stream().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("error"))
                .findFirst().orElse(lines.isEmpty() ? "no output" : lines.getLast());
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
