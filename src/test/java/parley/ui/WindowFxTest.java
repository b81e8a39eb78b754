package parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;
import parley.ui.models.ProviderViewModel;
import parley.usage.LedgerEntry;
import parley.usage.Money;
import parley.usage.UsageFilter;
import parley.usage.UsageLedger;

/** The real window on Monocle, against a scripted OpenAI-compatible server on loopback. */
class WindowFxTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"test-model-a\"},{\"id\":\"test-model-b\"}]}";

    @TempDir
    Path home;
    private ScriptedServer server;
    private WindowAssembly assembly;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedServer.start().fallback(r -> r.path().endsWith("/models")
                ? Reply.json(200, MODELS)
                : Reply.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi there\"},\"finish_reason\":\"stop\"}]}"));
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        openWindow();
    }

    @AfterEach
    void stop() throws Exception {
        closeWindow();
        server.close();
    }

    private void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.show();
        });
        interact(() -> assembly.presets().refresh());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeWindow() throws Exception {
        if (assembly == null) return;
        FxToolkit.cleanupStages();
        interact(assembly::close);
        assembly = null;
    }

    private void useScriptedServer() throws Exception {
        clickOn("#add-provider");
        TextField url = lookup("#base-url-input").queryAs(TextField.class);
        clickOn(url).write(server.baseUrl()).type(KeyCode.ENTER);
        waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
        clickOn("#model-button");
        Node b = lookup("#model-list .label").match((Label l) -> "test-model-b".equals(l.getText())).query();
        clickOn(b);
        waitUntil(() -> "test-model-b".equals(assembly.providers().modelProperty().get()));
    }

    @Test
    void aMovedSliderIsInTheSentRequestAndASwitchedOffParameterIsNot() throws Exception {
        useScriptedServer();
        clickOn("#tab-request");
        TextArea json = lookup("#request-json").queryAs(TextArea.class);
        assertThat(json.getText()).contains("\"model\" : \"test-model-b\"").contains("\"temperature\" : 0.7");

        clickOn("#tab-parameters");
        clickOn("#slider-temperature .thumb").type(KeyCode.RIGHT, 2);
        double moved = assembly.params().temperature().value();
        assertThat(moved).isGreaterThan(0.7);
        assertThat(lookup("#field-temperature").queryAs(TextField.class).getText()).isEqualTo(format(moved));
        clickOn("#include-max_tokens");
        assertThat(json.getText()).contains("\"temperature\" : " + format(moved)).doesNotContain("max_tokens");

        clickOn(".chat-composer").write("Hello");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        Recorded sent = null;
        for (Recorded r; (r = server.takeRequest(5, TimeUnit.SECONDS)) != null; ) {
            if (r.method().equals("POST")) { sent = r; break; }
        }
        assertThat(sent).as("the chat request reached the server").isNotNull();
        JsonNode body = JSON.readTree(sent.bodyText());
        assertThat(body.get("model").asText()).isEqualTo("test-model-b");
        assertThat(body.get("temperature").asDouble()).isEqualTo(moved);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("top_p")).isFalse();
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Hello");

        clickOn("#tab-request");
        TextArea raw = lookup("#raw-response").queryAs(TextArea.class);
        waitUntil(() -> FxReads.text(raw).contains("data: [DONE]"));
        assertThat(lookup("#raw-summary").queryAs(Label.class).getText()).contains("HTTP 200");
    }

    @Test
    void aCustomServerIsPricedUnknownUntilTheLocalToggleMarksItFree() throws Exception {
        useScriptedServer();
        ToggleButton local = lookup("#mark-local").queryAs(ToggleButton.class);
        assertThat(local.isVisible()).isTrue();
        assertThat(local.isSelected()).isFalse();

        sendAndWaitForTheLedger("Hello", 1);
        assertThat(ledger().getLast().costUsd()).isNull();
        waitUntil(() -> lookup(".label").match((Label l) -> l.getText() != null
                && l.getText().contains(Money.UNKNOWN)).tryQuery().isPresent());

        clickOn(local);
        waitUntil(() -> assembly.providers().provider().local());
        ComboBox<?> providers = lookup("#provider-select").queryAs(ComboBox.class);
        assertThat(providers.getValue()).isEqualTo(assembly.providers().provider());
        assertThat(providers.getButtonCell().getText()).endsWith("· local");
        sendAndWaitForTheLedger("Again", 2);
        assertThat(ledger().getLast().costUsd()).isEqualByComparingTo("0");

        clickOn("#provider-select");
        clickOn(lookup(".list-cell").match((ListCell<?> c) -> c.getText() != null
                && c.getText().startsWith("Ollama")).<Node>query());
        waitUntil(() -> !local.isVisible());
    }

    private void sendAndWaitForTheLedger(String text, int rows) throws TimeoutException {
        clickOn(".chat-composer").write(text);
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> ledger().size() == rows);
    }

    private List<LedgerEntry> ledger() {
        try (Database db = AppDatabase.open(home.resolve("parley.db"))) {
            return new UsageLedger(db).entries(UsageFilter.ALL);
        }
    }

    @Test
    void aSidePanelJoinsTheSceneWhenItsTabIsFirstShown() {
        assertThat(lookup("#request-json").tryQuery()).isEmpty();
        showSidePanel("tab-request");
        assertThat(lookup("#request-json").tryQuery()).isPresent();
    }

    private void showSidePanel(String tabId) {
        interact(() -> assembly.window().sidePanels().getTabs().stream()
                .filter(tab -> tabId.equals(tab.getId())).findFirst()
                .ifPresent(tab -> assembly.window().sidePanels().getSelectionModel().select(tab)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFifthStopSequenceIsRefused() {
        TextField input = lookup("#stop-input").queryAs(TextField.class);
        interact(() -> lookup("#params-view").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        for (String stop : new String[] {"one", "two", "three", "four", "five"}) {
            clickOn(input).write(stop).type(KeyCode.ENTER);
        }
        assertThat(lookup("#stop-chips").queryAs(FlowPane.class).getChildren()).hasSize(4);
        assertThat(lookup("#params-message").queryAs(Label.class).getText())
                .isEqualTo("At most 4 stop sequences: remove one before adding another.");
        assertThat(input.getText()).isEqualTo("five");
        showSidePanel("tab-request");
        assertThat(lookup("#request-json").queryAs(TextArea.class).getText()).contains("\"four\"").doesNotContain("\"five\"");
    }

    @Test
    void presetsSurviveARestartOfTheWindow() throws Exception {
        // the default model ignores temperature, so its controls are greyed: take one that uses it
        interact(() -> assembly.providers().selectModel("deepseek-ai/deepseek-v3.2"));
        TextField temperature = lookup("#field-temperature").queryAs(TextField.class);
        clickOn(temperature);
        interact(temperature::selectAll);
        write("1.3").type(KeyCode.ENTER);
        clickOn("#include-top_p");
        clickOn("#preset-name").write("Warm");
        clickOn("#preset-save");
        waitUntil(() -> assembly.presets().names().contains("Warm"));

        closeWindow();
        openWindow();
        waitUntil(() -> assembly.presets().names().contains("Warm"));
        assertThat(assembly.params().temperature().value()).as("the last parameters come back").isEqualTo(1.3);
        interact(assembly.params()::resetToDefaults);
        assertThat(assembly.params().temperature().value()).isEqualTo(0.7);
        clickOn("#preset-name").write("Warm");
        clickOn("#preset-load");
        waitUntil(() -> assembly.params().temperature().value() == 1.3);
        assertThat(lookup("#field-temperature").queryAs(TextField.class).getText()).isEqualTo("1.3");
        assertThat(assembly.params().topP().included()).isTrue();
        showSidePanel("tab-request");
        assertThat(lookup("#request-json").queryAs(TextArea.class).getText()).contains("\"temperature\" : 1.3").contains("\"top_p\"");
    }

    @Test
    void theThemeSwitchesAtRunTimeAndTheChoiceIsKept() throws Exception {
        clickOn("#appearance-menu");
        clickOn("Dracula");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dracula");
        clickOn("#appearance-menu");
        clickOn("Nord Light");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("nord-light");
        closeWindow();
        openWindow();
        assertThat(assembly.appearance().choiceProperty().get()).isEqualTo(parley.ui.settings.ThemeChoice.NORD_LIGHT);
    }

    @Test
    void helpListsTheWindowsAndTheTranscriptsShortcuts() {
        clickOn(".chat-composer");
        type(KeyCode.F1);
        javafx.scene.layout.GridPane list = lookup("#shortcut-list").queryAs(javafx.scene.layout.GridPane.class);
        java.util.List<String> keys = list.getChildren().stream().filter(n -> n.getStyleClass().contains("shortcut-keys"))
                .map(n -> ((Label) n).getText()).toList();
        assertThat(keys).contains("F1", "Ctrl+M", "F5", "Ctrl+=", "Ctrl+Enter", "Esc");
        clickOn("Close");
    }

    private static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
