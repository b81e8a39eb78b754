package parley.ui.help;

import java.nio.file.Path;
import java.util.List;
import parley.about.BuildInfo;
import parley.about.Diagnostics;
import parley.log.AppLog;
import parley.log.LogTail;
import parley.provider.ProviderProfile;
import parley.store.Database;
import parley.ui.models.ProviderViewModel;

/** Gathers Help › Copy diagnostics: the provider on the JavaFX thread, the rest (database, log) off it. */
final class DiagnosticsReport {
    private DiagnosticsReport() {}

    /** What the window knows of the provider in use, read on the JavaFX thread; never the key. */
    static String providerLine(ProviderViewModel providers) {
        ProviderProfile p = providers.providerProperty().get();
        if (p == null) return "(none chosen)";
        return p.id() + " — " + p.name() + " — " + p.baseUrl() + (p.local() ? " (local)" : "")
                + " — model " + providers.modelProperty().get()
                + " — key " + providers.keyStateProperty().get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The report; reads the database and the log, so call it off the JavaFX thread. */
    static Diagnostics collect(Database database, Path logFolder, String providerLine) {
        Path logFile = AppLog.current().flatMap(AppLog::file).orElse(logFolder.resolve(AppLog.WINDOW + ".log"));
        String schema;
        try {
            schema = Integer.toString(database.version());
        } catch (RuntimeException e) {
            schema = "unreadable (" + e.getMessage() + ")";
        }
        return new Diagnostics(BuildInfo.current(), BuildInfo.java(), System.getProperty("javafx.runtime.version", "unknown"),
                BuildInfo.os(), database.file().getParent().toString(), logFile.toString(), schema,
                List.of(providerLine), LogTail.last(logFile, Diagnostics.LOG_LINES));
    }
}
