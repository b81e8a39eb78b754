package parley.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
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
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.params.ParamsViewModel;

/**
 * Opening a session file puts its provider, model and parameters into the controls, and the next
 * request carries what the controls show: the session's values plus whatever the user changed after.
 */
class SessionOpenFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ScriptedServer server;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models")
                ? Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"session-model\"}]}")
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(dir.resolve("parley.db")), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
        server.close();
    }

    @Test
    void theControlsShowTheOpenedSessionAndTheRequestCarriesIt() throws Exception {
        interact(() -> {
            ParamsViewModel p = assembly.params();
            p.maxTokens().set(333);
            p.temperature().set(1.3);
            p.topP().setIncluded(false);
            p.frequencyPenalty().setIncluded(false);
            p.presencePenalty().set(1.0);
            p.presencePenalty().setIncluded(true);
            p.addStop("a-stop");
            p.setStream(false);
            p.setSystemPrompt("Prompt A");
            assembly.providers().addCustom("http://127.0.0.1:9/v1");
            assembly.providers().selectModel("model-a");
        });
        Path session = writeSession();

        interact(() -> assembly.history().openFile(session));
        waitUntil(() -> assembly.history().model().noticeProperty().get().equals("Opened shared.parley.json."));
        WaitForAsyncUtils.waitForFxEvents();

        ParamsViewModel p = assembly.params();
        assertThat(assembly.providers().provider().baseUrl()).isEqualTo(server.baseUrl());
        assertThat(assembly.providers().modelProperty().get()).isEqualTo("session-model");
        assertThat(p.maxTokens().requestInteger()).isEqualTo(77);
        assertThat(p.temperature().requestValue()).isEqualTo(0.25);
        assertThat(p.topP().requestValue()).isEqualTo(0.9);
        assertThat(p.frequencyPenalty().requestValue()).isEqualTo(0.5);
        assertThat(p.presencePenalty().requestValue()).isEqualTo(-0.5);
        assertThat(p.stops()).containsExactly("END", "STOP");
        assertThat(p.streamProperty().get()).isTrue();
        assertThat(p.systemPromptProperty().get()).isEqualTo("Answer in one line.");
        assertThat(lookup("#model-button").queryAs(Button.class).getText()).isEqualTo("session-model");
        clickOn("#tab-parameters");
        assertThat(lookup("#field-temperature").queryAs(TextField.class).getText()).isEqualTo("0.25");
        assertThat(lookup("#system-prompt").queryAs(TextArea.class).getText()).isEqualTo("Answer in one line.");

        TextField maxTokens = lookup("#field-max_tokens").queryAs(TextField.class);
        clickOn(maxTokens);
        interact(maxTokens::selectAll);
        write("88").type(KeyCode.ENTER);
        clickOn(".chat-composer").write("And now?");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        JsonNode body = JSON.readTree(chatRequest().bodyText());
        assertThat(body.get("model").asText()).isEqualTo("session-model");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(88);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.get("presence_penalty").asDouble()).isEqualTo(-0.5);
        assertThat(JSON.convertValue(body.get("stop"), List.class)).containsExactly("END", "STOP");
        assertThat(body.get("stream").asBoolean()).isTrue();
        JsonNode messages = body.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("Answer in one line.");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("Earlier question");
        assertThat(messages.get(messages.size() - 1).get("content").asText()).isEqualTo("And now?");
    }

    private Path writeSession() throws Exception {
        Map<String, Object> parameters = Map.of("max_tokens", 77, "temperature", 0.25, "top_p", 0.9,
                "frequency_penalty", 0.5, "presence_penalty", -0.5, "stop", List.of("END", "STOP"),
                "stream", true, "stream_options", Map.of("include_usage", true));
        Map<String, Object> session = Map.of("format", "parley.session", "version", 1, "provider", "custom",
                "base_url", server.baseUrl(), "model", "session-model", "parameters", parameters,
                "system_prompt", "Answer in one line.", "messages", List.of(
                        Map.of("role", "user", "content", "Earlier question"),
                        Map.of("role", "assistant", "content", "Earlier answer")));
        Path file = dir.resolve("shared.parley.json");
        Files.writeString(file, JSON.writeValueAsString(session));
        return file;
    }

    private Recorded chatRequest() throws InterruptedException {
        for (Recorded r; (r = server.takeRequest(10, TimeUnit.SECONDS)) != null; ) {
            if (r.method().equals("POST")) return r;
        }
        throw new AssertionError("no chat request reached the server");
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
