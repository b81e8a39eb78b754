package parley.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Parley keeps its files: {@code PARLEY_HOME} when set, else the platform's usual place
 * (Linux {@code $XDG_DATA_HOME/parley} or {@code ~/.local/share/parley}, macOS
 * {@code ~/Library/Application Support/Parley}, Windows {@code %APPDATA%\Parley}).
 */
public final class DataFolder {
    public static final String HOME_VARIABLE = "PARLEY_HOME";

    private DataFolder() {}

    /** The data folder of this process. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Map<String, String> env, String osName, String userHome) {
        String home = env.get(HOME_VARIABLE);
        if (notBlank(home)) {
            return Path.of(home).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = notBlank(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Parley");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Parley");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = notBlank(xdg) ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("parley");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
