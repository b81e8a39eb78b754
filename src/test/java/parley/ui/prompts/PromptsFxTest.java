package parley.ui.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.prompt.Author;
import parley.prompt.PromptDraft;
import parley.prompt.PromptLibrary;
import parley.store.Database;
import parley.ui.DesktopApp;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.experiment.ExperimentFormModel;
import parley.ui.experiment.ExperimentsFeature;

/** The prompt library in the real window on Monocle: Use fills the composer, Save as prompt keeps it, the experiment form takes one. */
class PromptsFxTest extends FxRobot {
    @TempDir Path home;
    private WindowAssembly assembly;
    private Stage window;

    @BeforeEach
    void start() throws Exception {
        try (Database db = AppDatabase.open(home.resolve("parley.db"))) {
            new PromptLibrary(db, Author.PERSONAL, Clock.systemUTC()).save("explain", new PromptDraft("You teach {{level}}.",
                    "Explain {{thing}}.", "m-prompt", Map.of("temperature", 0.3, "max_tokens", 256), "first"));
        }
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX, new TestDialogs());
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1260);
            stage.setHeight(780);
            stage.show();
            stage.toFront();
            window = stage;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
    }

    @Test
    void useFillsTheComposerAfterTheVariablesAndSaveAsPromptKeepsWhatItHolds() throws Exception {
        clickOn("#open-prompts");
        clickOn(labeled("explain · v1"));
        waitUntil(() -> lookup("#prompt-var-thing").tryQuery().isPresent());
        clickOn("#prompt-var-level").write("children");
        clickOn("#prompt-var-thing").write("tides");
        clickOn("#prompt-use");
        waitUntil(() -> "Explain tides.".equals(assembly.chatModel().draftProperty().get()));

        assertThat(assembly.params().systemPromptProperty().get()).isEqualTo("You teach children.");
        assertThat(assembly.chat().settings().model()).isEqualTo("m-prompt");
        assertThat(assembly.chat().settings().temperature()).isEqualTo(0.3);
        assertThat(assembly.chat().settings().maxTokens()).isEqualTo(256);
        assertThat(lookup("#prompt-message").queryLabeled().getText()).isEqualTo("Used explain v1.");

        clickOn("#prompt-save-name").write("tides");
        clickOn("#prompt-save-note").write("from the composer");
        clickOn("#prompt-save");
        clickOn(labeled("tides · v1"));
        waitUntil(() -> lookup("#prompt-text").queryTextInputControl().getText().contains("--- text\nExplain tides."));
        assertThat(lookup("#prompt-text").queryTextInputControl().getText())
                .contains("model: m-prompt", "\"temperature\":0.3", "--- system\nYou teach children.");
    }

    @Test
    void theExperimentFormTakesALibraryPromptWithItsVariables() throws Exception {
        ExperimentFormModel form = assembly.feature(ExperimentsFeature.class).form();
        clickOn(".chat-composer").write("Something else");
        clickOn("#try-experiment");
        waitUntil(() -> lookup("#experiment-from-library").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#experiment-from-library");
        clickOn(labeled("explain · v1"));
        clickOn(labeled("Use"));
        waitUntil(() -> "Explain {{thing}}.".equals(form.userProperty().get()));
        assertThat(form.systemProperty().get()).isEqualTo("You teach {{level}}.");
        assertThat(form.history()).isEmpty();
    }

    /** A label with this text on a window that is showing (a list being refilled leaves cells without a scene). */
    private Node labeled(String text) throws TimeoutException {
        java.util.function.Predicate<Node> shown = n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
        waitUntil(() -> lookup(shown).tryQuery().isPresent());
        // a dialog that has just opened lays its list out again, replacing the cells found first
        WaitForAsyncUtils.waitForFxEvents(5);
        waitUntil(() -> lookup(shown).tryQuery().isPresent());
        return lookup(shown).query();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
