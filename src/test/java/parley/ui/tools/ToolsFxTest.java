package parley.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
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
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/** The Tools panel in the real window on Monocle, against the scripted server on loopback. */
class ToolsFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEATHER_SCHEMA = """
            {
              "type": "object",
              "properties": {"city": {"type": "string"}},
              "required": ["city"]
            }""";

    @TempDir
    Path dir;
    private ScriptedServer server;
    private WindowAssembly assembly;
    private final TestDialogs dialogs = new TestDialogs();

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models")
                ? Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"tool-model\"}]}")
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        openWindow();
    }

    private void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(dir.resolve("parley.db")), Map.of(), UiThread.FX, dialogs);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        interact(() -> {
            assembly.providers().addCustom(server.baseUrl());
            assembly.providers().selectModel("tool-model");
        });
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#tab-tools");
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (assembly != null) interact(assembly::close);
        server.close();
    }

    private ToolsViewModel tools() {
        return assembly.feature(ToolsFeature.class).tools();
    }

    @Test
    void aToolAddedWithASchemaIsInThePreviewAndInTheSentBody() throws Exception {
        clickOn("#tool-new-name").write("get_weather").type(KeyCode.ENTER);
        assertThat(lookup("#tool-0-name").queryAs(TextField.class).getText()).isEqualTo("get_weather");
        clickOn("#tool-0-description").write("The weather in a city");
        CodeArea schema = lookup("#tool-0-schema-area").queryAs(CodeArea.class);
        interact(() -> schema.replaceText(WEATHER_SCHEMA));
        clickOn("#tool-choice");
        clickOn(lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> "Call get_weather".equals(c.getText()))
                .<javafx.scene.Node>query());

        clickOn("#tab-request");
        String preview = lookup("#request-json").queryAs(TextArea.class).getText();
        assertThat(preview).contains("\"name\" : \"get_weather\"").contains("\"required\" : [ \"city\" ]");

        interact(() -> {
            assembly.chatModel().setDraft("Weather in Oslo?");
            assembly.chatModel().send();
        });
        JsonNode body = JSON.readTree(chatRequest().bodyText());
        JsonNode function = body.at("/tools/0/function");
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(function.get("name").asText()).isEqualTo("get_weather");
        assertThat(function.get("description").asText()).isEqualTo("The weather in a city");
        assertThat(function.get("parameters")).isEqualTo(JSON.readTree(WEATHER_SCHEMA));
        assertThat(body.get("tool_choice")).isEqualTo(JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"));
        assertThat(body.has("parallel_tool_calls")).isFalse();
    }

    @Test
    void anInvalidSchemaShowsTheReasonAndMarksItsLine() {
        clickOn("#tool-new-name").write("lookup").type(KeyCode.ENTER);
        CodeArea schema = lookup("#tool-0-schema-area").queryAs(CodeArea.class);
        Label problem = lookup("#tool-0-schema-problem").queryAs(Label.class);

        interact(() -> schema.replaceText("{\n  \"type\": \"object\",\n  \"properties\": {\"q\": {\"type\": \"string\"}\n}"));
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Not valid JSON at line 4, column 2:");
        assertThat(schema.getParagraph(3).getParagraphStyle()).containsExactly("schema-error-line");
        assertThat(schema.getParagraph(0).getParagraphStyle()).isEmpty();
        assertThat(lookup("#tools-left-out").queryAs(Label.class).getText())
                .isEqualTo("\"lookup\" is left out of the request until the schema is valid.");

        interact(() -> schema.replaceText("{\n  \"type\": \"object\",\n  \"required\": \"q\"\n}"));
        assertThat(problem.getText()).startsWith("Not a valid JSON Schema at line 3 (required):");
        assertThat(schema.getParagraph(2).getParagraphStyle()).containsExactly("schema-error-line");

        clickOn(schema).type(KeyCode.END); // fixed by typing: the check runs on every change
        interact(() -> schema.replaceText("{\n  \"type\": \"object\",\n  \"required\": [\"q\"]\n"));
        clickOn(schema);
        interact(() -> schema.moveTo(schema.getLength()));
        write("}");
        assertThat(problem.isVisible()).isFalse();
        assertThat(schema.getParagraph(2).getParagraphStyle()).isEmpty();
        assertThat(assembly.chat().settings().extended().tools()).hasSize(1);
        assertThat(lookup("#tools-left-out").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aDuplicateNameIsRefusedWhereItWasTyped() {
        clickOn("#tool-new-name").write("search").type(KeyCode.ENTER);
        clickOn("#tool-new-name").write("fetch").type(KeyCode.ENTER);
        clickOn("#tool-new-name").write("search").type(KeyCode.ENTER);
        assertThat(lookup("#tools-message").queryAs(Label.class).getText())
                .isEqualTo("There is already a function named \"search\": pick another name.");
        assertThat(lookup("#tool-new-name").queryAs(TextField.class).getText()).as("kept to be changed").isEqualTo("search");
        assertThat(tools().tools()).extracting(ToolEntry::name).containsExactly("search", "fetch");

        TextField second = lookup("#tool-1-name").queryAs(TextField.class);
        interact(() -> lookup("#tools-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        clickOn(second);
        interact(second::selectAll);
        write("search").type(KeyCode.ENTER);
        assertThat(lookup("#tool-1-name-message").queryAs(Label.class).getText())
                .isEqualTo("There is already a function named \"search\": pick another name.");
        assertThat(second.getText()).isEqualTo("fetch");
        assertThat(assembly.chat().settings().extended().tools()).extracting(t -> t.name()).containsExactly("search", "fetch");

        interact(() -> lookup("#tools-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        clickOn("#tool-0-remove");
        assertThat(lookup("#tool-0-name").queryAs(TextField.class).getText()).as("the cards are renumbered").isEqualTo("fetch");
        assertThat(lookup("#tool-1-name").tryQuery()).isEmpty();
        assertThat(assembly.chat().settings().extended().tools()).extracting(t -> t.name()).containsExactly("fetch");
    }

    @Test
    void anImportedToolsFileIsExportedBackEqual() throws Exception {
        Path in = dir.resolve("tools-in.json");
        Files.writeString(in, """
                [
                  {"type": "function", "function": {"name": "get_weather", "description": "Weather now",
                    "parameters": {"type": "object", "properties": {"city": {"type": "string", "enum": ["Oslo", "Lima"]}},
                                   "required": ["city"], "additionalProperties": false},
                    "strict": true}},
                  {"type": "function", "function": {"name": "now", "description": "The time"}}
                ]""");
        dialogs.file = in;
        clickOn("#tools-import");
        waitUntil(() -> tools().tools().size() == 2);
        assertThat(lookup("#tools-message").queryAs(Label.class).getText()).isEqualTo("Imported 2 functions from tools-in.json.");
        assertThat(lookup("#tool-1-name").queryAs(TextField.class).getText()).isEqualTo("now");
        assertThat(assembly.chat().settings().extended().tools()).hasSize(2);

        Path out = dir.resolve("tools-out.json");
        dialogs.file = out;
        clickOn("#tools-export");
        waitUntil(() -> lookup("#tools-message").queryAs(Label.class).getText().startsWith("Exported"));
        assertThat(JSON.readTree(out.toFile())).isEqualTo(JSON.readTree(in.toFile()));
    }

    @Test
    void anImportWithADuplicateNameIsRefusedAndTheListKept() throws Exception {
        clickOn("#tool-new-name").write("mine").type(KeyCode.ENTER);
        Path in = dir.resolve("twice.json");
        Files.writeString(in, "[{\"type\":\"function\",\"function\":{\"name\":\"a\"}},{\"type\":\"function\",\"function\":{\"name\":\"a\"}}]");
        dialogs.file = in;
        dialogs.answer = true;
        clickOn("#tools-import");
        waitUntil(() -> lookup("#tools-message").queryAs(Label.class).getText().startsWith("twice.json"));
        assertThat(lookup("#tools-message").queryAs(Label.class).getText())
                .isEqualTo("twice.json: tool 2: There is already a function named \"a\": pick another name.");
        assertThat(dialogs.asked).hasSize(1);
        assertThat(tools().tools()).extracting(ToolEntry::name).containsExactly("mine");
    }

    @Test
    void theFunctionsAndTheirCannedResultsComeBackAfterARestart() throws Exception {
        clickOn("#tool-new-name").write("get_weather").type(KeyCode.ENTER);
        clickOn("#tool-0-canned").write("{\"celsius\": 4}");
        CodeArea schema = lookup("#tool-0-schema-area").queryAs(CodeArea.class);
        interact(() -> schema.replaceText(WEATHER_SCHEMA));
        waitUntil(() -> new parley.store.Settings(assembly.database()).getString(ToolsMemory.KEY).orElse("")
                .contains("celsius"));

        FxToolkit.cleanupStages();
        interact(assembly::close);
        openWindow();

        assertThat(tools().tools()).extracting(ToolEntry::name).containsExactly("get_weather");
        assertThat(tools().cannedResult("get_weather")).hasValue("{\"celsius\": 4}");
        assertThat(JSON.readTree(tools().tools().getFirst().parameters().textProperty().get()))
                .isEqualTo(JSON.readTree(WEATHER_SCHEMA));
        assertThat(assembly.chat().settings().extended().tools()).extracting(t -> t.name()).containsExactly("get_weather");
        assertThat(lookup("#tool-0-canned").queryAs(TextArea.class).getText()).isEqualTo("{\"celsius\": 4}");
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
