package parley.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * How the tests run (or syntax-check) a snippet of one language with the tools of this machine.
 * A missing tool skips the test with the reason; with {@code CI=true} it fails it instead, so CI
 * proves every language. {@code env} is set for every run (python-openai: the stand-in of its package
 * on {@code PYTHONPATH}); {@code python-compile} only compiles a Python snippet.
 */
record Toolchain(String language, List<String> command, Path workDir, String missing, Map<String, String> env) {
    static final Path RUNS = Path.of("target/codegen-runs").toAbsolutePath();
    /** Where {@code .ci/run} installs the npm {@code openai} package (override: PARLEY_NODE_TOOLS). */
    static final Path NODE_TOOLS = Path.of(System.getenv().getOrDefault("PARLEY_NODE_TOOLS", "target/node-tools"))
            .toAbsolutePath();

    /** The stand-in for Python's {@code openai} package (the package is not installable here). */
    static final Path PYTHON_OPENAI_STANDIN = Path.of("src/test/resources/codegen/python-openai-standin").toAbsolutePath();

    /** The result of one run: exit code and what it printed. */
    record Run(int exitCode, String stdout, String stderr) {}

    static Toolchain forLanguage(String id) {
        return switch (id) {
            case "curl" -> needs(id, onPath("curl") != null && onPath("bash") != null && onPath("jq") != null,
                    "curl, jq or bash is not on the PATH (Debian: apt-get install curl jq)", List.of("bash"), RUNS);
            case "python-requests" -> python(id, "requests", "python3 with requests is missing"
                    + " (Debian: apt-get install python3-requests)");
            case "python-openai" -> python(id, null, "python3 is missing (Debian: apt-get install python3)")
                    .withEnv("PYTHONPATH", PYTHON_OPENAI_STANDIN.toString());
            case "python-compile" -> python(id, null, "python3 is missing (Debian: apt-get install python3)")
                    .withSyntaxCheckOnly();
            case "node-fetch" -> needs(id, onPath("node") != null, "node is missing (Debian: apt-get install nodejs)",
                    List.of("node"), RUNS);
            case "node-openai" -> needs(id, onPath("node") != null && Files.isDirectory(NODE_TOOLS.resolve("node_modules/openai")),
                    "node or the npm openai package in " + NODE_TOOLS + " is missing"
                            + " (npm install --prefix target/node-tools openai, as .ci/run does)",
                    List.of("node"), NODE_TOOLS.resolve("runs"));
            case "java" -> needs(id, true, "", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()), RUNS);
            case "go" -> needs(id, onPath("go") != null, "go is missing (Debian: apt-get install golang-go)",
                    List.of("go", "run"), RUNS);
            case "gofmt" -> needs(id, onPath("gofmt") != null, "gofmt is missing (Debian: apt-get install golang-go)",
                    List.of("gofmt", "-l"), RUNS);
            case "csharp" -> needs(id, onPath("mcs") != null, "mcs is missing (Debian: apt-get install mono-mcs)",
                    List.of("mcs", "--parse"), RUNS);
            default -> throw new IllegalArgumentException("no toolchain for " + id);
        };
    }

    /** Skips (locally) or fails (in CI) when the tool is missing. */
    Toolchain require() {
        if (missing != null) {
            String reason = language + " not run: " + missing;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " — CI must run every language; .ci/run installs the tools");
            }
            Assumptions.abort(reason);
        }
        return this;
    }

    /** Writes the snippet under its file name in a fresh folder and runs the command on it; a null
     *  value in {@code env} removes that variable. */
    Run run(String code, String fileName, String caseName, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = workDir.resolve(language + "-" + caseName);
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        Files.writeString(file, code, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(command);
        cmd.add(file.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("GOCACHE", RUNS.resolve("go-cache").toString());
        pb.environment().put("GOPATH", RUNS.resolve("go-path").toString());
        pb.environment().put("GOTOOLCHAIN", "local");
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOPROXY", "off");
        pb.environment().putAll(this.env);
        env.forEach((name, value) -> {
            if (value == null) {
                pb.environment().remove(name);
            } else {
                pb.environment().put(name, value);
            }
        });
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(language + " did not finish within 180 s: " + String.join(" ", cmd));
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private Toolchain withSyntaxCheckOnly() {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("-m", "py_compile"));
        return new Toolchain(language, cmd, workDir, missing, env);
    }

    private Toolchain withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new Toolchain(language, command, workDir, missing, Map.copyOf(more));
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }

    private static Toolchain needs(String id, boolean present, String missing, List<String> command, Path workDir) {
        return new Toolchain(id, command, workDir, present ? null : missing, Map.of());
    }

    /** The first python3 that can import {@code module} (any python3 when module is null). */
    private static Toolchain python(String id, String module, String missing) {
        List<String> candidates = new ArrayList<>();
        String onPath = onPath("python3");
        if (onPath != null) candidates.add("python3");
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) candidates.add("/usr/bin/python3");
        for (String python : candidates) {
            if (module == null || imports(python, module)) {
                return new Toolchain(id, List.of(python), RUNS, null, Map.of());
            }
        }
        return new Toolchain(id, List.of("python3"), RUNS, missing, Map.of());
    }

    private static boolean imports(String python, String module) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
