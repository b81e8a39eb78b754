package parley.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start {@code parley serve} as a child: this app's own Java runtime and class path (in the
 * packaged app, the runtime linked into it), a small heap (the model lives in native memory), and
 * where the engine's native library is unpacked.
 */
public record EngineCommand(Path java, String classPath, List<String> jvmOptions, String mainClass) {
    private static final String NATIVES_OPTION = "-Dde.kherud.llama.tmpdir=";

    public EngineCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The command of this JVM: its runtime, class path and {@code parley.Main}. */
    public static EngineCommand current(Path nativesFolder) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                NATIVES_OPTION + nativesFolder));
        return new EngineCommand(java, System.getProperty("java.class.path"), options, "parley.Main");
    }

    /** The full command line of {@code parley serve ARGS}; makes the natives folder it names. */
    public List<String> serve(List<String> args) throws IOException {
        for (String option : jvmOptions) {
            if (option.startsWith(NATIVES_OPTION)) {
                Files.createDirectories(Path.of(option.substring(NATIVES_OPTION.length())));
            }
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass, "serve"));
        command.addAll(args);
        return command;
    }
}
