package parley.ui.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.FxReads;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.models.ProviderViewModel;

/** The real window's raw view with a long answer: shown cut, saved whole through the dialogs. */
class RawViewFxTest extends FxRobot {
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}";
    private static final int EVENTS = 15_000;

    @TempDir Path home;
    private final TestDialogs dialogs = new TestDialogs();
    private ScriptedServer server;
    private WindowAssembly assembly;
    private String body;

    @BeforeEach
    void start() throws Exception {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < EVENTS; i++) {
            stream.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w").append(i).append(" \"}}]}\n\n");
        }
        stream.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        String body = stream.toString();
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models") ? Reply.json(200, MODELS)
                : Reply.stream().send(body));
        this.body = body;
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX, dialogs);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
        server.close();
    }

    @Test
    void aLongAnswerIsShownCutAndSavedWhole() throws Exception {
        clickOn("#add-provider");
        clickOn(lookup("#base-url-input").queryAs(TextField.class)).write(server.baseUrl()).type(KeyCode.ENTER);
        waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
        clickOn("#tab-request");
        clickOn(".chat-composer").write("Count");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        TextArea raw = lookup("#raw-response").queryAs(TextArea.class);
        waitUntil(() -> FxReads.text(raw).contains("data: [DONE]"));
        String shown = FxReads.text(raw);
        assertThat(shown).contains(RawExchangeLog.CUT_MARK);
        assertThat(shown.length()).isLessThanOrEqualTo(RawExchangeLog.HEAD_CHARS + RawExchangeLog.CUT_MARK.length()
                + 2 * RawExchangeLog.TAIL_CHARS);
        assertThat(shown.substring(0, shown.indexOf("\n\n"))).contains("content-type: text/event-stream");
        // the summary follows the text in a later frame
        Label summary = lookup("#raw-summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("characters shown (Save keeps the whole answer)"));

        dialogs.file = home.resolve("answer.txt");
        Node save = lookup("#raw-save").query();
        clickOn(save);
        waitUntil(() -> lookup("#raw-save-notice").queryAs(Label.class).getText().startsWith("Saved the whole answer"));
        String saved = Files.readString(dialogs.file);
        assertThat(saved).contains("content-type: text/event-stream\n").endsWith("\n\n" + this.body);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
