package parley.ui.help;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import parley.about.BuildInfo;
import parley.store.Database;
import parley.ui.MainWindow;
import parley.ui.UiThread;
import parley.ui.models.ProviderViewModel;

/** What the Help menu and the failure notice do; files and processes off the JavaFX thread. */
final class HelpActions {
    private final MainWindow window;
    private final Database database;
    private final ProviderViewModel providers;
    private final FailureNoticeModel notice;
    private final Executor background;
    private final UiThread ui;
    private final Path logFolder;

    HelpActions(MainWindow window, Database database, ProviderViewModel providers, FailureNoticeModel notice,
                Path logFolder, Executor background, UiThread ui) {
        this.window = window;
        this.database = database;
        this.providers = providers;
        this.notice = notice;
        this.logFolder = logFolder;
        this.background = background;
        this.ui = ui;
    }

    void shortcuts() {
        window.showHelp();
    }

    void openLogFolder() {
        FolderOpener.open(logFolder, background, this::tell);
    }

    void openDataFolder() {
        FolderOpener.open(dataFolder(), background, this::tell);
    }

    /** Puts the diagnostics on the clipboard: gathered off the JavaFX thread, copied on it. */
    void copyDiagnostics() {
        String provider = DiagnosticsReport.providerLine(providers);
        background.execute(() -> {
            String text = DiagnosticsReport.collect(database, logFolder, provider).text();
            ui.run(() -> {
                ClipboardContent clip = new ClipboardContent();
                clip.putString(text);
                Clipboard.getSystemClipboard().setContent(clip);
            });
        });
    }

    void about() {
        BuildInfo build = BuildInfo.current();
        TextDialog.show(owner(), "about-text", "About Parley", "Parley " + build.version(), AboutText.of(build));
    }

    void showDetails() {
        TextDialog.show(owner(), "failure-details-text", "What went wrong", notice.messageProperty().get(),
                notice.detailsProperty().get());
    }

    Path dataFolder() {
        return database.file().getParent();
    }

    private void tell(String problem) {
        ui.run(() -> notice.notice(problem));
    }

    private javafx.stage.Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }
}
