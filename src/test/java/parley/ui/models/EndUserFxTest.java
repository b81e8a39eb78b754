package parley.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.provider.EndUserStore;
import parley.store.Settings;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/** The provider's user field in the real window on Monocle: typed, in the request, kept. */
class EndUserFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
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
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
    }

    @Test
    void aUserTypedForTheProviderIsInTheRequestAndKeptWithItsSettings() throws Exception {
        clickOn("#end-user-menu");
        clickOn(lookup("#end-user").queryAs(TextField.class)).write("alice@team").type(KeyCode.ENTER);

        assertThat(assembly.providers().endUserProperty().get()).isEqualTo("alice@team");
        interact(() -> assembly.window().sidePanels().getTabs().stream().filter(t -> "tab-request".equals(t.getId()))
                .findFirst().ifPresent(t -> assembly.window().sidePanels().getSelectionModel().select(t)));
        assertThat(lookup("#request-json").queryAs(TextArea.class).getText()).contains("\"user\" : \"alice@team\"");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                new EndUserStore(new Settings(assembly.database())).load("atlascloud").isPresent());
        assertThat(new EndUserStore(new Settings(assembly.database())).load("atlascloud")).contains("alice@team");
    }
}
