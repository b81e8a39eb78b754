package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Tab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.store.AppState;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;

/**
 * The window as the app opens it, in stages: the usable window (transcript, composer, provider
 * bar) takes typing before the side panels exist; they come after, in the order of a window built
 * at once.
 */
class StagedWindowFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly staged;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Database database = AppDatabase.open(home.resolve("parley.db"));
            staged = WindowAssembly.openFirst(database, new AppState(new Settings(database)),
                    new SessionSecrets("kept for this test only"), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(staged, 1260, 780));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (staged != null) interact(staged::close);
    }

    @Test
    void theUsableWindowTakesTypingBeforeThePanelsAreBuiltAndThePanelsComeInTheirOrder() throws Exception {
        assertThat(staged.built()).isFalse();
        assertThat(staged.window().sidePanels().getTabs()).isEmpty();
        assertThat(lookup("#provider-bar").tryQuery()).isPresent();
        clickOn(".chat-composer").write("typed at once");
        assertThat(staged.chatModel().draftProperty().get()).isEqualTo("typed at once");

        AtomicBoolean built = new AtomicBoolean();
        interact(() -> {
            staged.windowShown();
            staged.installRest(() -> built.set(true));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, built::get);

        assertThat(staged.built()).isTrue();
        assertThat(tabIds(staged)).isEqualTo(tabIdsOfAWindowBuiltAtOnce());
        assertThat(staged.history()).isNotNull();
        assertThat(staged.chatModel().draftProperty().get()).isEqualTo("typed at once");
    }

    @Test
    void aWindowClosedWhileItsPanelsAreBuiltStopsBuildingThem() throws Exception {
        AtomicBoolean built = new AtomicBoolean();
        WindowAssembly closing = staged;
        staged = null;
        interact(() -> {
            closing.installRest(() -> built.set(true));
            closing.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(built).isFalse();
        assertThat(closing.built()).isFalse();
    }

    private List<String> tabIdsOfAWindowBuiltAtOnce() throws Exception {
        Database database = AppDatabase.open(home.resolve("whole.db"));
        return WaitForAsyncUtils.asyncFx(() -> {
            WindowAssembly whole = WindowAssembly.open(database, new AppState(new Settings(database)),
                    new SessionSecrets("kept for this test only"), Map.of(), UiThread.FX);
            try {
                return tabIds(whole);
            } finally {
                whole.close();
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private static List<String> tabIds(WindowAssembly assembly) {
        return assembly.window().sidePanels().getTabs().stream().map(Tab::getId).toList();
    }
}
