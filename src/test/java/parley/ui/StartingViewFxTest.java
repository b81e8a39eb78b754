package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.ui.settings.ThemeChoice;

/** The spinner the window shows before its views are built, and the swap to the built window. */
class StartingViewFxTest extends FxRobot {
    @TempDir
    Path home;
    private StartingView starting;
    private Scene scene;
    private WindowAssembly assembly;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            starting = new StartingView(StartPalette.of(ThemeChoice.NORD_DARK, false));
            scene = new Scene(starting, 800, 600);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
    }

    @Test
    void showsATurningSpinnerOnTheThemesBackgroundUntilTheWindowIsBuilt() throws Exception {
        assertThat(starting.spinning()).isTrue();
        assertThat(lookup(".start-spinner").tryQuery()).isPresent();
        assertThat(lookup(".start-message").queryAs(Text.class).getText()).isEqualTo(StartingView.OPENING);
        assertThat(starting.getBackground().getFills().getFirst().getFill())
                .isEqualTo(StartPalette.of(ThemeChoice.NORD_DARK, false).background());
        double angle = lookup(".start-spinner").query().getRotate();
        WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".start-spinner").query().getRotate()).isNotEqualTo(angle);
        interact(() -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX);
            DesktopApp.install(scene, assembly);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getRoot()).isSameAs(assembly.window());
        assertThat(scene.getStylesheets()).anyMatch(sheet -> sheet.endsWith("parley/ui/app.css"));
        assertThat(lookup(node -> node instanceof StartingView).tryQuery()).isEmpty();
    }

    @Test
    void theBuiltWindowsFirstStylingFindsEveryThemeColour() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger css = Logger.getLogger("javafx.css");
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        css.addHandler(collect);
        try {
            interact(() -> {
                assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX);
                DesktopApp.install(scene, assembly);
            });
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            css.removeHandler(collect);
        }
        assertThat(warnings).noneMatch(w -> w.contains("Could not resolve") || w.contains("while converting value"));
    }

    @Test
    void aFailureReplacesTheSpinnerWithTheReason() {
        interact(() -> starting.failed("the data folder /x is not writable"));
        assertThat(starting.spinning()).isFalse();
        assertThat(lookup(".start-spinner").tryQuery()).isEmpty();
        assertThat(lookup(".start-message").queryAs(Text.class).getText())
                .isEqualTo("Parley could not start: the data folder /x is not writable");
    }
}
