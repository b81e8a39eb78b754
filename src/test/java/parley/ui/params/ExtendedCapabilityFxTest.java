package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatSettings;
import parley.provider.Providers;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.ExtendedControls;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.chat.ChatViewModel;
import parley.ui.tools.ToolChoiceOption;
import parley.ui.tools.ToolsViewModel;

/**
 * The extended controls and the Tools tab follow what the chosen model accepts, in the real window on
 * Monocle; presets carry the extended fields and "Reset to defaults" clears them.
 */
class ExtendedCapabilityFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER_SCHEMA = "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}";
    private static final String SPECIALE_NO_TOOLS = "deepseek-v3.2-speciale takes no tools: DeepSeek V3.2-Speciale is"
            + " thinking-only and takes no tools. They are left out of the request.";

    @TempDir
    Path home;
    private ScriptedServer server;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models")
                ? Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-v3.2-speciale\"},{\"id\":\"deepseek-v3.2\"}]}")
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));
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
        if (assembly != null) interact(assembly::close);
        server.close();
    }

    @Test
    void theDefaultModelGreysTheToolsTabWithTheReasonAndAModelWithToolsEnablesIt() {
        assertThat(assembly.chat().settings().model()).isEqualTo(ChatSettings.DEFAULT_MODEL);
        interact(this::addWeatherTool);
        clickOn("#tab-tools");

        assertThat(lookup("#tools-body").query().isDisabled()).isTrue();
        Label why = lookup("#tools-capability").queryAs(Label.class);
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).isEqualTo(SPECIALE_NO_TOOLS);
        assertThat(requestPreview()).doesNotContain("get_weather").doesNotContain("\"tools\"");

        interact(() -> assembly.providers().selectModel("deepseek-ai/deepseek-v3.2"));

        clickOn("#tab-tools");
        assertThat(lookup("#tools-body").query().isDisabled()).isFalse();
        assertThat(lookup("#tools-capability").query().isVisible()).isFalse();
        assertThat(requestPreview()).contains("\"tools\"").contains("\"name\" : \"get_weather\"");
    }

    @Test
    void theToolsGoOnTheWireOnlyToAModelThatTakesThem() throws Exception {
        interact(() -> {
            assembly.providers().addCustom(server.baseUrl());
            assembly.providers().selectModel("deepseek-v3.2-speciale");
            addWeatherTool();
        });
        clickOn("#tab-tools");
        assertThat(lookup("#tools-capability").queryAs(Label.class).getText()).isEqualTo(SPECIALE_NO_TOOLS);

        send("Weather in Oslo?");
        JsonNode refused = JSON.readTree(chatRequest().bodyText());
        assertThat(refused.get("model").asText()).isEqualTo("deepseek-v3.2-speciale");
        assertThat(refused.has("tools")).isFalse();
        waitUntil(() -> assembly.chatModel().stateProperty().get() == ChatViewModel.State.IDLE
                && assembly.chat().conversation().last().map(m -> m.content().equals("Hi")).orElse(false));

        interact(() -> assembly.providers().selectModel("deepseek-v3.2"));
        assertThat(lookup("#tools-body").query().isDisabled()).isFalse();
        send("And in Bergen?");
        JsonNode taken = JSON.readTree(chatRequest().bodyText());
        assertThat(taken.get("model").asText()).isEqualTo("deepseek-v3.2");
        assertThat(taken.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
    }

    @Test
    void anIgnoredExtendedControlIsGreyedWithItsReasonAndARefusedOneIsLeftOutWithANote() {
        interact(() -> assembly.providers().selectProvider(Providers.LLAMA_SERVER));
        scrollParamsToTheEnd();

        assertThat(lookup("#reasoning-effort").query().isDisabled()).isTrue();
        Label ignored = lookup("#ignored-reasoning_effort").queryAs(Label.class);
        assertThat(ignored.isVisible()).isTrue();
        assertThat(ignored.getText()).isEqualTo(
                "Ignored by this model: llama-server sets reasoning with its own options, not reasoning_effort");
        assertThat(shown("#n-spinner")).as("n is refused").isFalse();
        assertThat(shown("#seed-dice")).isTrue();
        assertThat(lookup("#left-out-note").queryAs(Label.class).getText())
                .contains("n is left out of the request: llama-server answers with one choice only");
        assertThat(lookup("#field-seed").query().isDisabled()).as("seed is off, not greyed by the model")
                .isTrue();
        assertThat(lookup("#include-seed").query().isDisabled()).isFalse();
        assertThat(lookup("#logprobs-switch").query().isDisabled()).isFalse();
    }

    @Test
    void theDefaultModelsRefusedJsonSchemaIsSaidToBeLeftOutAndItsLogprobsAreHidden() {
        interact(() -> extended().output().choose(OutputFormatViewModel.Kind.JSON_SCHEMA));
        scrollParamsToTheEnd();

        assertThat(lookup("#output-refused").queryAs(Label.class).getText()).isEqualTo("JSON schema is left out of the"
                + " request: DeepSeek's JSON output is response_format json_object only (json_schema is OpenAI's)");
        assertThat(shown("#logprobs-switch")).isFalse();
        assertThat(shown("#top-logprobs-spinner")).isFalse();
        assertThat(shown("#field-seed")).isTrue();
        assertThat(lookup("#left-out-note").queryAs(Label.class).getText())
                .contains("logprobs is left out of the request: DeepSeek in thinking mode refuses log-probabilities");

        interact(() -> extended().output().choose(OutputFormatViewModel.Kind.JSON_OBJECT));
        assertThat(lookup("#output-refused").query().isVisible()).isFalse();

        clickOn("#output-kind");
        ListCell<?> schema = lookup(".list-cell").match((ListCell<?> c) -> "JSON schema".equals(c.getText())).query();
        ListCell<?> object = lookup(".list-cell").match((ListCell<?> c) -> "JSON object".equals(c.getText())).query();
        assertThat(schema.isDisabled()).isTrue();
        assertThat(schema.getTooltip().getText()).startsWith("DeepSeek's JSON output is response_format json_object only");
        assertThat(object.isDisabled()).isFalse();
        type(KeyCode.ESCAPE);
    }

    @Test
    void aPresetKeepsSeedToolsAndJsonSchemaAndResetClearsThemButKeepsTheFunctions() throws Exception {
        interact(() -> {
            assembly.providers().addCustom(server.baseUrl());
            assembly.providers().selectModel("deepseek-v3.2");
            extended().extras().setSeedText("7");
            extended().output().choose(OutputFormatViewModel.Kind.JSON_SCHEMA);
            extended().output().schema().setText(WEATHER_SCHEMA);
            addWeatherTool();
            tools().choose(tools().choices().stream().filter(o -> "auto".equals(o.label())).findFirst().orElseThrow());
        });
        interact(() -> assembly.presets().save("repeatable"));
        waitUntil(() -> assembly.presets().messageProperty().get().equals("Saved \"repeatable\"."));

        clickOn("#tab-parameters");
        clickOn("#reset-params");
        assertThat(extended().extras().seedOnProperty().get()).isFalse();
        assertThat(extended().output().kindProperty().get()).isEqualTo(OutputFormatViewModel.Kind.NOT_SENT);
        assertThat(tools().choiceProperty().get()).isEqualTo(ToolChoiceOption.NOT_SENT);
        assertThat(tools().tools()).as("the functions are kept").hasSize(1);
        String reset = requestPreview();
        assertThat(reset).doesNotContain("\"seed\"").doesNotContain("response_format").doesNotContain("tool_choice")
                .contains("get_weather");

        interact(() -> tools().remove(tools().tools().getFirst()));
        interact(() -> assembly.presets().load("repeatable"));
        waitUntil(() -> assembly.presets().messageProperty().get().equals("Loaded \"repeatable\"."));

        assertThat(extended().extras().seedOnProperty().get()).isTrue();
        assertThat(extended().extras().seedProperty().get()).isEqualTo(7);
        assertThat(extended().output().kindProperty().get()).isEqualTo(OutputFormatViewModel.Kind.JSON_SCHEMA);
        assertThat(tools().tools()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("get_weather"));
        assertThat(tools().choiceProperty().get().label()).isEqualTo("auto");
        send("Weather in Oslo?");
        JsonNode body = JSON.readTree(chatRequest().bodyText());
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(JSON.readTree(WEATHER_SCHEMA));
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(body.get("tool_choice").asText()).isEqualTo("auto");
    }

    private ExtendedControls extended() {
        return assembly.controls().extended();
    }

    private ToolsViewModel tools() {
        return extended().tools();
    }

    private void addWeatherTool() {
        tools().add("get_weather");
        tools().tools().getFirst().parameters().setText(WEATHER_SCHEMA);
    }

    /** Whether the node and every node it sits in are visible. */
    private boolean shown(String query) {
        for (javafx.scene.Node n = lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    private void scrollParamsToTheEnd() {
        clickOn("#tab-parameters");
        interact(() -> lookup("#params-view").queryAs(ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String requestPreview() {
        clickOn("#tab-request");
        return lookup("#request-json").queryAs(TextArea.class).getText();
    }

    private void send(String text) {
        interact(() -> {
            assembly.chatModel().setDraft(text);
            assembly.chatModel().send();
        });
    }

    private Recorded chatRequest() throws InterruptedException {
        for (Recorded r; (r = server.takeRequest(10, TimeUnit.SECONDS)) != null; ) {
            if (r.method().equals("POST")) return r;
        }
        throw new AssertionError("no chat request reached the server");
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
