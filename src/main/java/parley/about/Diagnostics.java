package parley.about;

import java.util.List;

/**
 * What Help › Copy diagnostics puts on the clipboard, for a bug report: the build, Java, JavaFX,
 * the OS, the data folder, the database's schema version, the providers in use (never a key) and
 * the last lines of the log (keys already masked there).
 */
public record Diagnostics(BuildInfo build, String java, String javafx, String os, String dataFolder,
                          String logFile, String schemaVersion, List<String> providers, List<String> logLines) {
    public static final int LOG_LINES = 200;

    public String text() {
        StringBuilder text = new StringBuilder()
                .append("Parley ").append(build.version()).append('\n')
                .append("commit: ").append(build.commitLine()).append('\n')
                .append("Java: ").append(java).append('\n')
                .append("JavaFX: ").append(javafx).append('\n')
                .append("OS: ").append(os).append('\n')
                .append("data folder: ").append(dataFolder).append('\n')
                .append("log file: ").append(logFile).append('\n')
                .append("database schema: ").append(schemaVersion).append('\n')
                .append("providers in use:").append('\n');
        if (providers.isEmpty()) text.append("  (none)\n");
        providers.forEach(p -> text.append("  ").append(p).append('\n'));
        text.append("last ").append(logLines.size()).append(" log lines:").append('\n');
        logLines.forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }
}
