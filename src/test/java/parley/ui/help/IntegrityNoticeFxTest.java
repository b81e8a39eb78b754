package parley.ui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.testing.DamagedFiles;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/**
 * The window opens a file whose damage only a whole check finds, then checks it once it is up and
 * says so in the failure notice; the next start sets the file aside.
 */
class IntegrityNoticeFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
    }

    @Test
    void aDamagedFileIsReportedAfterTheWindowIsUpAndSetAsideAtTheNextStart() throws Exception {
        Path file = DamagedFiles.write(home.resolve("parley.db"));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.openForWindow(file), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        FailureNoticeModel notice = assembly.support().notice();
        assertThat(notice.showingProperty().get()).as("nothing is checked before the window is up").isFalse();

        interact(assembly::windowShown);

        waitUntil(() -> notice.showingProperty().get());
        assertThat(notice.messageProperty().get()).contains(file.toString(), "found it damaged", "start it again");
        assertThat(lookup("#failure-notice").query().isVisible()).isTrue();
        interact(assembly::close);
        assembly = null;

        try (Database next = AppDatabase.openForWindow(file)) {
            assertThat(next.recoveryNotice()).hasValueSatisfying(text ->
                    assertThat(text).contains("an earlier check found it damaged", "kept as", "a new one was started"));
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
