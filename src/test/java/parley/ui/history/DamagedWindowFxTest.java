package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/** The window tells where a damaged database was kept. */
class DamagedWindowFxTest extends FxRobot {
    @TempDir
    Path dir;
    private WindowAssembly assembly;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) assembly.close();
    }

    @Test
    void theHistoryPanelSaysWhereTheOldFileIsKept() throws Exception {
        Path file = dir.resolve("parley.db");
        Files.writeString(file, "definitely not SQLite ".repeat(80));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            assembly = WindowAssembly.open(AppDatabase.open(file), Map.of(), UiThread.FX);
            s.setScene(new Scene(assembly.window(), 1200, 780));
            s.show();
        });
        interact(assembly::windowShown);

        waitUntil(() -> lookup("#history-notice").queryAs(Label.class).getText().contains("kept as"));
        String notice = lookup("#history-notice").queryAs(Label.class).getText();
        assertThat(notice).contains(file.toString(), "parley.db.damaged-", "a new one was started");
        assertThat(lookup("#history-notice").query().isVisible()).isTrue();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
