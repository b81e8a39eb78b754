package parley.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start {@code parley serve} as a child: this app's own Java runtime and class path (in the
 * packaged app, the runtime linked into it), a small heap (the model lives in native memory), and
 * where the engine's native library is unpacked.
 */
public record EngineCommand(Path java, String classPath, List<String> jvmOptions, String mainClass) {
    public EngineCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The command of this JVM: its runtime, class path and {@code parley.Main}. */
    public static EngineCommand current(Path nativesFolder) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-Dde.kherud.llama.tmpdir=" + nativesFolder));
        return new EngineCommand(java, System.getProperty("java.class.path"), options, "parley.Main");
    }

    /** The full command line of {@code parley serve ARGS}. */
    public List<String> serve(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass, "serve"));
        command.addAll(args);
        return command;
    }
}
