package parley.ui.params;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ExtendedParameters;
import parley.api.ResponseFormat;
import parley.api.Tool;
import parley.api.ToolChoice;
import parley.app.AppDatabase;
import parley.chat.ChatSettings;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.tools.ToolEntry;
import parley.ui.tools.ToolsFeature;

/** Seed, choices, log-probabilities, reasoning effort and output format in the real window on Monocle. */
class ExtendedParamsFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ScriptedServer server;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models")
                ? Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"extended-model\"}]}")
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"{}\"},\"finish_reason\":\"stop\"}]}"));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(dir.resolve("parley.db")), Map.of(), UiThread.FX,
                    new TestDialogs());
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        interact(() -> {
            assembly.providers().addCustom(server.baseUrl());
            assembly.providers().selectModel("extended-model");
        });
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#tab-parameters");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
        server.close();
    }

    @Test
    void aJsonSchemaOutputFormatGoesOnTheWire() throws Exception {
        scrollParamsToTheEnd();
        ComboBox<OutputFormatViewModel.Kind> kind = lookup("#output-kind").queryComboBox();
        assertThat(lookup("#output-schema-area").tryQuery()).as("the code editor is built when a schema is asked for").isEmpty();
        interact(() -> kind.setValue(OutputFormatViewModel.Kind.JSON_SCHEMA));
        assertThat(lookup("#output-schema-area").query().isVisible()).isTrue();
        assertThat(lookup("#output-left-out").query().isVisible()).as("no schema yet").isTrue();
        TextField name = lookup("#output-schema-name").queryAs(TextField.class);
        interact(() -> name.setText("city_answer"));
        CodeArea schema = lookup("#output-schema-area").queryAs(CodeArea.class);
        String text = "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"],"
                + " \"additionalProperties\": false}";
        interact(() -> schema.replaceText(text));
        assertThat(lookup("#output-left-out").query().isVisible()).isFalse();

        send("Which city? Answer in JSON.");
        JsonNode body = JSON.readTree(chatRequest().bodyText());
        JsonNode format = body.get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("city_answer");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema")).isEqualTo(JSON.readTree(text));

        interact(() -> kind.setValue(OutputFormatViewModel.Kind.JSON_OBJECT));
        assertThat(requestPreview()).contains("\"type\" : \"json_object\"").doesNotContain("city_answer");
    }

    @Test
    void theDiceSetsARandomSeedThatIsSent() throws Exception {
        scrollParamsToTheEnd();
        TextField field = lookup("#field-seed").queryAs(TextField.class);
        assertThat(field.isDisabled()).as("off until asked for").isTrue();
        assertThat(assembly.chat().settings().extended().seed()).isNull();

        clickOn("#seed-dice");
        long seed = Long.parseLong(field.getText());
        assertThat(seed).isBetween(0L, ExtraParamsViewModel.MAX_RANDOM_SEED);
        assertThat(field.isDisabled()).isFalse();
        assertThat(lookup("#include-seed").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        assertThat(assembly.chat().settings().extended().seed()).isEqualTo(seed);

        interact(() -> field.setText("12 3"));
        interact(() -> field.getOnAction().handle(null));
        assertThat(lookup("#seed-message").queryLabeled().getText()).isEqualTo("seed takes a whole number of 0 or more, not \"12 3\".");
        assertThat(field.getText()).isEqualTo(Long.toString(seed));

        send("Roll");
        assertThat(JSON.readTree(chatRequest().bodyText()).get("seed").asLong()).isEqualTo(seed);
    }

    @Test
    void topLogprobsWaitsForLogprobs() throws Exception {
        scrollParamsToTheEnd();
        Node row = lookup("#top-logprobs-row").query();
        assertThat(row.isDisabled()).isTrue();
        clickOn("#logprobs-switch");
        assertThat(row.isDisabled()).isFalse();
        clickOn("#include-top-logprobs");
        Spinner<Integer> top = lookup("#top-logprobs-spinner").query();
        interact(() -> top.getValueFactory().setValue(7));
        interact(() -> top.getValueFactory().setValue(25));
        assertThat(top.getValue()).as("held at 20").isEqualTo(20);
        interact(() -> top.getValueFactory().setValue(3));
        assertThat(requestPreview()).contains("\"logprobs\" : true").contains("\"top_logprobs\" : 3");

        clickOn("#logprobs-switch");
        assertThat(row.isDisabled()).isTrue();
        assertThat(requestPreview()).doesNotContain("logprobs");
    }

    @Test
    void showPutsEveryExtendedFieldIntoTheControlsAndBack() throws Exception {
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"integer\"}}}");
        JsonNode args = JSON.readTree("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[\"q\"]}");
        ExtendedParameters all = new ExtendedParameters(987654L, 3, true, 4,
                new ResponseFormat("json_schema", new ResponseFormat.JsonSchema("answer", "The answer", schema, false)),
                List.of(new Tool(Tool.FUNCTION, new Tool.Function("search", "Searches the web", args, true)),
                        Tool.function("clock", null, null)),
                ToolChoice.named("search"), false, "user-7", "low");
        ChatSettings settings = assembly.chat().settings().withExtended(all);

        interact(() -> assembly.controls().show(settings));

        // the end user's id is the provider's setting (none set here), not the opened settings'
        assertThat(assembly.chat().settings().extended()).isEqualTo(all.withUser(null));
        scrollParamsToTheEnd();
        assertThat(lookup("#field-seed").queryAs(TextField.class).getText()).isEqualTo("987654");
        assertThat(lookup("#n-spinner").<Spinner<Integer>>query().getValue()).isEqualTo(3);
        assertThat(lookup("#include-n").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        assertThat(lookup("#logprobs-switch").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        assertThat(lookup("#top-logprobs-spinner").<Spinner<Integer>>query().getValue()).isEqualTo(4);
        assertThat(lookup("#reasoning-effort").queryComboBox().getValue()).isEqualTo("low");
        assertThat(lookup("#output-kind").queryComboBox().getValue()).isEqualTo(OutputFormatViewModel.Kind.JSON_SCHEMA);
        assertThat(lookup("#output-schema-name").queryAs(TextField.class).getText()).isEqualTo("answer");
        assertThat(lookup("#output-strict").queryAs(ToggleSwitch.class).isSelected()).isFalse();
        assertThat(JSON.readTree(lookup("#output-schema-area").queryAs(CodeArea.class).getText())).isEqualTo(schema);
        clickOn("#tab-tools");
        assertThat(assembly.feature(ToolsFeature.class).tools().tools()).extracting(ToolEntry::name).containsExactly("search", "clock");
        assertThat(lookup("#tool-0-description").queryAs(TextArea.class).getText()).isEqualTo("Searches the web");
        assertThat(lookup("#tool-choice").queryComboBox().getValue().toString()).isEqualTo("Call search");

        interact(() -> assembly.controls().show(settings.withExtended(ExtendedParameters.NONE)));
        assertThat(assembly.chat().settings().extended()).isEqualTo(ExtendedParameters.NONE);
        assertThat(assembly.feature(ToolsFeature.class).tools().tools()).isEmpty();
        clickOn("#tab-parameters");
        assertThat(lookup("#field-seed").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(lookup("#reasoning-effort").queryComboBox().getValue()).isNull();
    }

    private void scrollParamsToTheEnd() {
        interact(() -> lookup("#params-view").queryAs(ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String requestPreview() {
        clickOn("#tab-request");
        String text = lookup("#request-json").queryAs(TextArea.class).getText();
        clickOn("#tab-parameters");
        return text;
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
}
