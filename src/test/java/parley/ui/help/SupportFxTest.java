package parley.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.about.BuildInfo;
import parley.log.AppLog;
import parley.log.Failures;
import parley.app.AppDatabase;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/** The real window on Monocle: failures reach the notice and the log; the Help menu. */
class SupportFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;
    private AppLog log;

    private void openWindow(Path logFolder) throws Exception {
        log = AppLog.start(logFolder, AppLog.WINDOW, AppLog.FILE_LIMIT, AppLog.FILES);
        Failures.install();
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
        log.close();
    }

    private String logText() throws Exception {
        return Files.readString(home.resolve("logs").resolve("parley.log"));
    }

    private FailureNoticeModel notice() {
        return assembly.support().notice();
    }

    @Test
    void aFailureOnTheJavaFxThreadShowsOneNoticeCountsRepeatsAndIsLoggedWithItsStackTrace() throws Exception {
        openWindow(home.resolve("logs"));
        for (int i = 0; i < 2; i++) {
            Platform.runLater(SupportFxTest::failOnFxThread);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> notice().countProperty().get() == 2);

        Node shown = lookup("#failure-notice").query();
        assertThat(shown.isVisible()).isTrue();
        assertThat(lookup("#failure-notice").queryAll()).hasSize(1);
        assertThat(notice().messageProperty().get())
                .isEqualTo("Something went wrong in SupportFxTest: what you were doing was not finished.");
        assertThat(((atlantafx.base.controls.Notification) shown).getMessage()).endsWith("(2 times)");
        waitUntil(() -> count(logTextQuietly(), "java.lang.IllegalStateException: the list was changed while drawn") == 2);
        assertThat(logText()).contains("ERROR [JavaFX Application Thread] failure: uncaught failure in SupportFxTest")
                .contains("\tat parley.ui.help.SupportFxTest.failOnFxThread");

        clickOn("#failure-details");
        TextArea details = lookup("#failure-details-text").queryAs(TextArea.class);
        assertThat(details.getText()).contains("IllegalStateException: the list was changed while drawn")
                .contains("at parley.ui.help.SupportFxTest.failOnFxThread");
        assertThat(details.isEditable()).isFalse();
        clickOn("Close");
        clickOn("#failure-dismiss");
        assertThat(notice().showingProperty().get()).isFalse();
        assertThat(shown.isVisible()).isFalse();
    }

    private static void failOnFxThread() {
        throw new IllegalStateException("the list was changed while drawn");
    }

    @Test
    void aBackgroundTaskThatFailsReachesTheNoticeAndTheLog() throws Exception {
        openWindow(home.resolve("logs"));
        interact(() -> assembly.database().close()); // every write from now on fails

        clickOn("#help-menu");
        clickOn("#help-log-message-text");

        waitUntil(() -> notice().showingProperty().get());
        assertThat(notice().messageProperty().get()).startsWith("Something went wrong in MessageText");
        waitUntil(() -> logTextQuietly().contains("uncaught failure in MessageText"));
        assertThat(logText()).contains("\tat parley.ui.help.MessageTextSetting");
    }

    @Test
    void logMessageTextIsOffUntilSwitchedOnAndIsKept() throws Exception {
        openWindow(home.resolve("logs"));
        parley.store.Settings settings = new parley.store.Settings(assembly.database());
        assertThat(settings.getBoolean(MessageTextSetting.KEY)).isEmpty();

        clickOn("#help-menu");
        clickOn("#help-log-message-text");

        waitUntil(() -> settings.getBoolean(MessageTextSetting.KEY).orElse(false));
    }

    @Test
    void aLogThatCannotBeWrittenIsToldOnceInTheWindow() throws Exception {
        Files.writeString(home.resolve("logs"), "a file where the log folder should be");
        openWindow(home.resolve("logs"));

        waitUntil(() -> notice().showingProperty().get());

        assertThat(notice().messageProperty().get()).startsWith("The log cannot be written in " + home.resolve("logs"));
        assertThat(notice().countProperty().get()).isEqualTo(1);
    }

    @Test
    void copyDiagnosticsPutsTheFactsAndTheLastLogLinesOnTheClipboard() throws Exception {
        openWindow(home.resolve("logs"));
        waitUntil(() -> logTextQuietly().contains("window started"));
        interact(() -> Clipboard.getSystemClipboard().clear());

        clickOn("#help-menu");
        clickOn("#help-copy-diagnostics");
        String[] copied = new String[1];
        waitUntil(() -> {
            interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
            return copied[0] != null;
        });

        BuildInfo build = BuildInfo.current();
        String masked = copied[0].replace(build.version(), "VERSION").replace(build.commitLine(), "COMMIT")
                .replace(BuildInfo.java(), "JAVA").replace(System.getProperty("javafx.runtime.version"), "JAVAFX")
                .replace(BuildInfo.os(), "OS").replace(home.toString(), "HOME");
        String header = masked.substring(0, masked.indexOf("last "));
        assertThat(header).isEqualTo("""
                Parley VERSION
                commit: COMMIT
                Java: JAVA
                JavaFX: JAVAFX
                OS: OS
                data folder: HOME
                log file: HOME/logs/parley.log
                database schema: %d
                providers in use:
                  atlascloud — Atlas Cloud — https://api.atlascloud.ai/v1 — model deepseek-ai/deepseek-v3.2-speciale — key missing
                """.formatted(assembly.database().version()));
        List<String> logLines = masked.substring(masked.indexOf("last ")).lines().skip(1).toList();
        assertThat(masked.substring(masked.indexOf("last "))).startsWith("last " + logLines.size() + " log lines:");
        assertThat(logLines).isNotEmpty().allMatch(l -> l.startsWith("  "));
        assertThat(logLines).anyMatch(l -> l.matches("  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[.*] window: "
                + "Parley VERSION \\(COMMIT\\) window started: .*"));
    }

    @Test
    void aboutNamesTheBuildAndTheLicencesOfTheBundledLibraries() throws Exception {
        openWindow(home.resolve("logs"));

        clickOn("#help-menu");
        clickOn("#help-about");

        String about = lookup("#about-text").queryAs(TextArea.class).getText();
        assertThat(about).startsWith("Parley " + BuildInfo.current().version())
                .contains("Commit:  " + BuildInfo.current().commitLine())
                .contains("info.picocli:picocli 4.7.7 — Apache-2.0")
                .contains("org.openjfx:javafx-controls 25.0.1 — GPL-2.0 with Classpath Exception");
        clickOn("Close");
    }

    private String logTextQuietly() {
        try {
            return logText();
        } catch (Exception e) {
            return "";
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
