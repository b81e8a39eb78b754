package parley;

/**
 * The jar's entry point ({@code java -jar parley.jar}). Compiled for Java 8 (the pom's
 * {@code launcher} compiler execution) so that an older Java can load it: it checks the Java
 * version before any class of Parley built for Java 25 loads, says in one line what to install
 * instead of the JVM's {@code UnsupportedClassVersionError}, and otherwise hands over to
 * {@link Main}. Written in Java 8's language and library only. The jar's manifest carries the
 * {@code Add-Exports}/{@code Add-Opens} that ControlsFX needs when JavaFX runs as modules (the pom's
 * {@code controlsfx.jvmOptions}); with JavaFX on the class path they are not needed.
 */
public final class Launcher {
    static final int REQUIRED_JAVA = 25;
    static final String DOWNLOAD = "https://adoptium.net/temurin/releases/?version=25";
    static final int EXIT_WRONG_JAVA = 1;

    private Launcher() {}

    public static void main(String[] args) {
        String refusal = refusal(System.getProperty("java.specification.version", ""), System.getProperty("java.home", ""));
        if (refusal != null) {
            System.err.println(refusal);
            System.exit(EXIT_WRONG_JAVA);
        }
        Main.main(args);
    }

    /**
     * The one line that refuses this Java, or null when it runs Parley. {@code specificationVersion}
     * is the JVM's {@code java.specification.version}: "1.8" up to Java 8, then "9", "17", "25".
     */
    static String refusal(String specificationVersion, String javaHome) {
        int feature = feature(specificationVersion);
        if (feature >= REQUIRED_JAVA) return null;
        String found = feature > 0 ? "Java " + feature : "a Java of unknown version (" + specificationVersion + ")";
        return "parley: Parley needs Java " + REQUIRED_JAVA + " or newer, and this is " + found
                + (javaHome.isEmpty() ? "" : " at " + javaHome) + ": install a JDK " + REQUIRED_JAVA + " (e.g. Temurin from "
                + DOWNLOAD + ") and run parley.jar with its bin/java, or use the installed Parley app, which brings its own";
    }

    /** The feature release a {@code java.specification.version} names; -1 when it names none. */
    static int feature(String specificationVersion) {
        String version = specificationVersion.trim();
        if (version.startsWith("1.")) version = version.substring(2);
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) end++;
        if (end == 0 || end > 4) return -1;
        return Integer.parseInt(version.substring(0, end));
    }
}
