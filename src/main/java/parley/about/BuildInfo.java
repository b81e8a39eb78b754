package parley.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What this build is: the version, the git commit and its date, written into
 * {@code parley/about/build.properties} by Maven. A build from a tree without git says "unknown".
 */
public record BuildInfo(String version, String commit, String commitTime, boolean dirty) {
    private static final String RESOURCE = "build.properties";
    private static final String UNKNOWN = "unknown";

    /** This build's facts (read once). */
    public static BuildInfo current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        static final BuildInfo CURRENT = load();
    }

    static BuildInfo load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(value(props, "version"), value(props, "commit"), value(props, "commit.time"),
                "true".equals(props.getProperty("dirty")));
    }

    /** A property Maven filled in, or "unknown" when it was left as its placeholder. */
    private static String value(Properties props, String name) {
        String v = props.getProperty(name, "");
        return v.isBlank() || v.contains("${") ? UNKNOWN : v.strip();
    }

    /** "7474a9e (2026-11-30T09:25:17Z)", with " + local changes" for a build of a changed tree. */
    public String commitLine() {
        return commit + (dirty ? " + local changes" : "") + " (" + commitTime + ")";
    }

    /** "25.0.1+8 (Eclipse Adoptium)". */
    public static String java() {
        return System.getProperty("java.runtime.version", System.getProperty("java.version", UNKNOWN))
                + " (" + System.getProperty("java.vendor", UNKNOWN) + ")";
    }

    /** "Linux 6.1.0 amd64". */
    public static String os() {
        return System.getProperty("os.name", UNKNOWN) + " " + System.getProperty("os.version", "")
                + " " + System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    }

    /** What {@code parley --version} prints: {@code parley VERSION} first, then the build, Java and the OS. */
    public List<String> versionLines() {
        return List.of("parley " + version, "commit " + commitLine(), "Java " + java(), "OS " + os());
    }
}
