package parley.ui.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.api.ExtendedParameters;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.mcp.EverythingServer;
import parley.mcp.McpService;
import parley.mcp.ServerStore;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;

/**
 * A reply that calls an MCP tool, in the real transcript on Monocle: the card asks first, Run calls
 * the reference server (started for real), the result goes back on the wire and the model answers;
 * "Always allow this tool" is remembered, so the next call runs without asking.
 */
class McpToolLoopFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private ScriptedServer server;
    private Database database;
    private McpService mcp;
    private ChatService chat;
    private ChatViewModel model;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void show() throws Exception {
        server = ScriptedServer.start();
        database = AppDatabase.open(dir.resolve("parley.db"));
        mcp = new McpService(new ServerStore(database, () -> new SessionSecrets("test")), Duration.ofSeconds(20));
        mcp.add(EverythingServer.config("everything"));
        McpToolConsent consent = new McpToolConsent(mcp, database, background, UiThread.FX);
        var tools = mcp.requestTools();
        consent.offer(tools);
        ChatClient backend = new ChatClient(ClientConfig.of(server.baseUrl(), "sk-test"));
        chat = new ChatService(settings -> backend, request -> { });
        chat.setSettings(ChatSettings.defaults().withProvider("custom", server.baseUrl()).withModel("test-model")
                .withStream(false, false).withExtended(ExtendedParameters.NONE.withTools(tools, null, null)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            model = new ChatViewModel(chat, UiThread.FX);
            model.offerToolRunner(consent);
            Scene scene = new Scene(new ChatView(model), 1000, 800);
            scene.getStylesheets().add(ChatView.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        chat.stop();
        FxToolkit.cleanupStages();
        server.close();
        mcp.close();
        background.shutdownNow();
        database.close();
    }

    private static Reply callsGetSum(String id, int a, int b) throws Exception {
        return calls(id, "everything__get-sum", JSON.writeValueAsString(Map.of("a", a, "b", b)));
    }

    private static Reply calls(String id, String tool, String arguments) throws Exception {
        return Reply.json(200, JSON.writeValueAsString(Map.of("id", "c", "object", "chat.completion", "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls", "message", Map.of("role", "assistant",
                        "tool_calls", List.of(Map.of("id", id, "type", "function", "function",
                                Map.of("name", tool, "arguments", arguments)))))))));
    }

    private static Reply answers(String text) throws Exception {
        return Reply.json(200, JSON.writeValueAsString(Map.of("id", "c", "object", "chat.completion", "model", "test-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))))));
    }

    @Test
    void consentIsAskedThenTheResultGoesBackAndAlwaysAllowIsRemembered() throws Exception {
        server.enqueue(callsGetSum("call_1", 19, 23));
        server.enqueue(answers("The sum is 42."));
        send("What is 19 plus 23?");
        waitUntil(() -> lookup(".tool-call-run").queryAll().size() == 1);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(server.requestCount()).as("nothing runs before the user agrees").isEqualTo(1);
        assertThat(onFx(() -> ((TextArea) lookup(".tool-call-result").query()).getText())).isEmpty();

        interact(() -> lookup(".tool-call-always").queryAs(CheckBox.class).setSelected(true));
        clickOn(".tool-call-run");
        waitUntil(() -> server.requestCount() == 2);
        JsonNode messages = JSON.readTree(server.requests().get(1).bodyText()).get("messages");
        JsonNode result = messages.get(messages.size() - 1);
        assertThat(result.get("role").asText()).isEqualTo("tool");
        assertThat(result.get("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(result.get("content").asText()).contains("42").doesNotStartWith("Error");
        waitUntil(() -> new Settings(database).getString(McpToolConsent.ALLOWED_KEY).orElse("")
                .equals("everything__get-sum"));

        server.enqueue(callsGetSum("call_2", 1, 2));
        server.enqueue(answers("That makes 3."));
        send("And 1 plus 2?");
        waitUntil(() -> server.requestCount() == 4);
        JsonNode again = JSON.readTree(server.requests().get(3).bodyText()).get("messages");
        assertThat(again.get(again.size() - 1).get("tool_call_id").asText()).isEqualTo("call_2");
        assertThat(again.get(again.size() - 1).get("content").asText()).contains("3");
    }

    @Test
    void stopEndsARunningCallAndNothingGoesBack() throws Exception {
        server.enqueue(calls("call_long", "everything__trigger-long-running-operation", "{\"duration\":30,\"steps\":3}"));
        send("Take your time.");
        waitUntil(() -> lookup(".tool-call-run").queryAll().size() == 1);
        clickOn(".tool-call-run");
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);

        interact(model::stop);
        waitUntil(() -> onFx(() -> ((TextArea) lookup(".tool-call-result").query()).getText()).contains("was stopped"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(server.requestCount()).as("a stopped call's result does not go back by itself").isEqualTo(1);
    }

    @Test
    void afterTenRoundsInARowTheResultsWaitForTheUser() throws Exception {
        for (int i = 1; i <= 11; i++) server.enqueue(callsGetSum("call_" + i, i, 1));
        send("Keep adding.");
        waitUntil(() -> lookup(".tool-call-run").queryAll().size() == 1);
        interact(() -> lookup(".tool-call-always").queryAs(CheckBox.class).setSelected(true));
        clickOn(".tool-call-run");

        waitUntil(() -> server.requestCount() == 11);
        waitUntil(() -> onFx(() -> lookup(".tool-calls-problem").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().contains("many rounds in a row"))));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(server.requestCount()).isEqualTo(11);
    }

    @Test
    void allowedToolsAreReadBackFromTheSettings() throws Exception {
        new Settings(database).putString(McpToolConsent.ALLOWED_KEY, "everything__get-sum");
        McpToolConsent reopened = new McpToolConsent(mcp, database, background, UiThread.FX);
        waitUntil(() -> reopened.allowed("everything__get-sum"));
        assertThat(reopened.allowed("everything__echo")).isFalse();
    }

    private void send(String text) {
        interact(() -> {
            model.setDraft(text);
            model.send();
        });
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
