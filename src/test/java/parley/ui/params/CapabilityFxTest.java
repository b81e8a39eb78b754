package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import parley.capability.RefusalStore;
import parley.chat.ChatSettings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.models.ProviderViewModel;

/** What the chosen model accepts, in the real window on Monocle: greyed, left out, and "Send without it". */
class CapabilityFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"test-model\"}]}";
    private static final String REFUSAL = "{\"error\":{\"message\":\"Unsupported parameter: 'temperature' is not supported"
            + " with this model.\",\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_parameter\"}}";

    @TempDir
    Path home;
    private ScriptedServer server;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start();
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
        server.close();
    }

    @Test
    void theDefaultModelGreysTheSamplingKnobsWithTheReasonAndTheGreyFollowsTheModel() throws Exception {
        assertThat(assembly.chat().settings().model()).isEqualTo(ChatSettings.DEFAULT_MODEL);
        for (String knob : List.of("temperature", "top_p", "frequency_penalty", "presence_penalty")) {
            assertThat(lookup("#slider-" + knob).query().isDisabled()).as(knob).isTrue();
            assertThat(lookup("#field-" + knob).query().isDisabled()).as(knob).isTrue();
            assertThat(lookup("#include-" + knob).query().isDisabled()).as(knob).isTrue();
            Label note = lookup("#ignored-" + knob).queryAs(Label.class);
            assertThat(note.isVisible()).isTrue();
            assertThat(note.getText()).contains("DeepSeek in thinking mode ignores temperature, top_p and the penalties");
            assertThat(note.getTooltip().getText()).isEqualTo(
                    "DeepSeek in thinking mode ignores temperature, top_p and the penalties (no error)");
        }
        assertThat(lookup("#slider-max_tokens").query().isDisabled()).isFalse();
        assertThat(lookup("#ignored-max_tokens").query().isVisible()).isFalse();
        assertThat(lookup("#left-out-note").queryAs(Label.class).getText()).as("of this panel only log-probabilities")
                .isEqualTo("logprobs is left out of the request: DeepSeek in thinking mode refuses log-probabilities\n"
                        + "top_logprobs is left out of the request: DeepSeek in thinking mode refuses log-probabilities");

        interact(() -> assembly.providers().selectModel("deepseek-ai/deepseek-v3.2"));

        assertThat(lookup("#slider-temperature").query().isDisabled()).isFalse();
        assertThat(lookup("#ignored-temperature").query().isVisible()).isFalse();
    }

    @Test
    void aRefusedParameterOffersSendWithoutItWhichLeavesItOutFromThenOn() throws Exception {
        server.fallback(r -> r.path().endsWith("/models") ? Reply.json(200, MODELS)
                : r.bodyText().contains("\"temperature\"") ? Reply.json(400, REFUSAL)
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Warm enough\"},\"finish_reason\":\"stop\"}]}"));
        clickOn("#add-provider");
        clickOn(lookup("#base-url-input").queryAs(TextField.class)).write(server.baseUrl()).type(KeyCode.ENTER);
        waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
        assertThat(lookup("#param-temperature").query().isVisible()).isTrue();

        clickOn(".chat-composer").write("Hello");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#send-without").tryQuery().map(Node::isVisible).orElse(false));
        Button sendWithout = lookup("#send-without").queryAs(Button.class);
        assertThat(sendWithout.getText()).isEqualTo("Send without temperature");

        clickOn(sendWithout);

        waitUntil(() -> assembly.chat().conversation().last().map(m -> m.content().equals("Warm enough")).orElse(false));
        List<Recorded> chats = server.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
        assertThat(chats).hasSize(2);
        assertThat(JSON.readTree(chats.getLast().bodyText()).has("temperature")).isFalse();
        waitUntil(() -> !lookup("#param-temperature").query().isVisible());
        assertThat(lookup("#left-out-note").queryAs(Label.class).getText())
                .startsWith("temperature is left out of the request: the server refused it with a 400")
                .contains("'temperature' is not supported with this model");
        assertThat(new RefusalStore(assembly.database()).all()).singleElement()
                .satisfies(r -> assertThat(r.parameter()).isEqualTo("temperature"));
        clickOn("#tab-request");
        assertThat(lookup("#request-json").queryAs(TextArea.class).getText()).doesNotContain("temperature");
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
