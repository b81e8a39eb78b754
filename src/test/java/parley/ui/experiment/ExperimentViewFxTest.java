package parley.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatSettings;
import parley.experiment.Experiment;
import parley.experiment.ExperimentSummary;
import parley.experiment.ParamValue;
import parley.experiment.Target;
import parley.provider.ModelInfo;
import parley.experiment.CellStatus;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.ui.DesktopApp;
import parley.ui.models.ProviderViewModel;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.params.ParamSpec;

/** The Experiments view in the real window on Monocle, driven as a user would: models, a range, pasted rows, a bad value. */
class ExperimentViewFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;
    private javafx.stage.Stage window;
    private final TestDialogs dialogs = new TestDialogs();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            // an earlier test's window still up would take clicks and answer lookups by id
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("parley.db")), Map.of(), UiThread.FX, dialogs);
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
    void theFormFilledFromTheChatTakesCheckedModelsADraggedRangePastedRowsAndShowsABadValueWhereItIs() throws Exception {
        ExperimentFormModel form = assembly.feature(ExperimentsFeature.class).form();
        clickOn(".chat-composer").write("Capital of {{country}}?");
        clickOn("#try-experiment");
        waitUntil(() -> find("#experiment-view").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(form.userProperty().get()).isEqualTo("Capital of {{country}}?");
        assertThat(form.chosen()).extracting(c -> c.target().model()).containsExactly(ChatSettings.DEFAULT_MODEL);

        // two more models, checked in the CheckComboBox's list
        interact(() -> form.offer(List.of(choice("deepseek", "DeepSeek", "deepseek-chat"), choice("openai", "OpenAI", "gpt-4o-mini"))));
        clickOn("#experiment-models");
        clickOn(lookupText("deepseek-chat · DeepSeek"));
        clickOn(lookupText("gpt-4o-mini · OpenAI"));
        clickOn("#experiment-system"); // a click outside closes the list (and is taken by it)
        clickOn("#experiment-system");
        assertThat(form.chosen()).extracting(c -> c.target().model())
                .containsExactly(ChatSettings.DEFAULT_MODEL, "deepseek-chat", "gpt-4o-mini");

        // temperature swept: drag the range's upper thumb from 1 down
        ComboBox<ParamSpec> parameter = find("#axis-parameter").queryComboBox();
        interact(() -> parameter.getSelectionModel().select(ParamSpec.TEMPERATURE));
        waitUntil(() -> !find("#add-axis").query().isDisabled());
        clickOn("#add-axis");
        waitUntil(() -> find("#range-temperature .high-thumb").tryQuery().isPresent());
        AxisModel axis = form.axes().getFirst();
        assertThat(axis.highProperty().get().doubleValue()).isEqualTo(1.0);
        Node high = find("#range-temperature .high-thumb").query();
        Node track = find("#range-temperature .track").query();
        double quarter = track.getBoundsInLocal().getWidth() / 4;
        drag(high);
        for (int i = 0; i < 10; i++) moveBy(-quarter / 10, 0);
        release(MouseButton.PRIMARY);
        double dragged = axis.highProperty().get().doubleValue();
        assertThat(dragged).isBetween(0.3, 0.7);
        assertThat(axis.lowProperty().get().doubleValue()).isZero();
        assertThat(axis.valuesProperty().get().getFirst()).isEqualTo(ParamValue.of(0.0));
        assertThat(axis.valuesProperty().get().getLast().value()).isInstanceOf(Double.class);

        // a column for {{country}}, then three rows pasted from a spreadsheet
        dialogs.text = "country";
        moveTo("#values-temperature").scroll(15, VerticalDirection.DOWN);
        if (find("#add-input-column").query().localToScene(0, 0).getY() > 500) moveTo("#values-temperature").scroll(30, VerticalDirection.UP);
        Node formView = find("#experiment-form").query();
        waitUntil(() -> find("#add-input-column").query().localToScene(find("#add-input-column").query().getBoundsInLocal())
                .getMaxY() < formView.localToScene(formView.getBoundsInLocal()).getMaxY());
        clickOn("#add-input-column");
        interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("France\nJapan\nPeru\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        clickOn("#paste-inputs");
        assertThat(form.inputs().columns()).containsExactly("country");
        assertThat(form.inputs().rows()).containsExactly(List.of("France"), List.of("Japan"), List.of("Peru"));
        assertThat(form.problems()).isEmpty();

        // a bad step: the field carries the danger state and the message as its tooltip
        TextField step = find("#step-temperature").queryAs(TextField.class);
        doubleClickOn(step).eraseText(6).write("0");
        assertThat(step.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("danger"));
        assertThat(step.getTooltip().getText()).isEqualTo("The step of temperature must be above 0.");
        assertThat(find("#experiment-run-button").query().isDisabled()).isTrue();
        doubleClickOn(step).eraseText(6).write("0.25");
        assertThat(step.getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("danger"));

        Experiment experiment = WaitForAsyncUtils.asyncFx(form::experiment).get();
        assertThat(experiment.targets()).extracting(Target::model).containsExactly(ChatSettings.DEFAULT_MODEL, "deepseek-chat", "gpt-4o-mini");
        assertThat(experiment.inputs()).hasSize(3);
        int values = axis.valuesProperty().get().size();
        assertThat(experiment.cellCount()).isEqualTo(3 * values * 3);
        waitUntil(() -> find("#experiment-summary").queryLabeled().getText().startsWith(experiment.cellCount() + " cells · "
                + experiment.cellCount() + " requests"));
    }

    @Test
    void aRunStreamsItsCellsAndCancelOfOneRunningCellStopsOnlyThatOne() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.fallback(r -> r.path().endsWith("/models") ? Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"test-model\"}]}")
                    : Reply.stream().events(delta("Bonjour ")).pause(8000).events(delta("tout le monde"),
                            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}").send("data: [DONE]\n\n"));
            clickOn("#add-provider");
            clickOn(lookup("#base-url-input").queryAs(TextField.class)).write(server.baseUrl()).type(KeyCode.ENTER);
            waitUntil(() -> assembly.providers().modelsStateProperty().get() == ProviderViewModel.ModelsState.LOADED);
            clickOn(".chat-composer").write("Say hello");
            clickOn("#try-experiment");
            ExperimentFormModel form = assembly.feature(ExperimentsFeature.class).form();
            waitUntil(() -> find("#experiment-view").tryQuery().map(Node::isVisible).orElse(false));
            assertThat(form.chosen()).extracting(c -> c.target().model()).containsExactly("test-model");
            doubleClickOn("#experiment-repeats").write("3");
            assertThat(form.repeatsProperty().get()).isEqualTo(3);

            clickOn("#experiment-run-button");
            waitUntil(() -> find(".task-cancel-button").queryAll().stream().filter(Node::isVisible).count() == 3);
            RunModel run = assembly.feature(ExperimentsFeature.class).view().currentRun();
            List<RunModel.CellRow> cells = run.rows();
            waitUntil(() -> cells.stream().allMatch(c -> c.text().equals("Bonjour ")));
            assertThat(find("#results-view").tryQuery()).as("the result views beside the cells in flight").isPresent();
            clickOn(find(".task-cancel-button").queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow());

            waitUntil(() -> find("#experiment-progress").queryLabeled().getText().startsWith("3 of 3 done"));
            assertThat(cells).extracting(RunModel.CellRow::status).filteredOn(s -> s == CellStatus.STOPPED).hasSize(1);
            assertThat(cells).filteredOn(c -> c.status() == CellStatus.COMPLETED)
                    .hasSize(2).allSatisfy(c -> assertThat(c.text()).isEqualTo("Bonjour tout le monde"));
            assertThat(cells).filteredOn(c -> c.status() == CellStatus.STOPPED)
                    .singleElement().satisfies(c -> assertThat(c.text()).isEqualTo("Bonjour "));
            assertThat(find("#experiment-progress").queryLabeled().getText()).contains("· 0 running ·");
            assertThat(server.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))).hasSize(3);
            waitUntil(() -> find(".task-cancel-button").queryAll().stream().noneMatch(Node::isVisible));

            // saved as it ran: open it from the list and re-run the stopped cell only
            clickOn("#experiment-back");
            clickOn("#saved-pane");
            ListView<ExperimentSummary> saved = find("#saved-list").queryListView();
            waitUntil(() -> saved.getItems().size() == 1 && saved.getItems().getFirst().done() == 3);
            // the list may be filled again as it is shown (the team's section reads too): click until a row is chosen
            waitUntil(() -> {
                if (saved.getSelectionModel().getSelectedItem() == null) clickOn(saved.lookup(".list-cell"));
                return saved.getSelectionModel().getSelectedItem() != null;
            });
            clickOn("#saved-open");
            waitUntil(() -> rerun().isPresent());
            assertThat(((javafx.scene.control.Button) rerun().orElseThrow()).getText()).isEqualTo("Re-run 1 cell");
            clickOn(rerun().orElseThrow());
            RunModel again = assembly.feature(ExperimentsFeature.class).view().currentRun();
            waitUntil(() -> again.finishedProperty().get());
            int stopped = cells.stream().filter(c -> c.status() == CellStatus.STOPPED).findFirst().orElseThrow().cell().index();
            assertThat(again.rows().get(stopped).status()).isEqualTo(CellStatus.COMPLETED);
            assertThat(server.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))).hasSize(4);
        }
    }

    private java.util.Optional<Node> rerun() {
        return lookup(n -> "saved-rerun".equals(n.getId()) && n.getScene() != null).tryQuery();
    }

    private static String delta(String text) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";
    }

    @Test
    void aJudgeCheckTakesAnOfferedModelARubricAndAPassMarkAndTheExperimentHoldsIt() throws Exception {
        ExperimentFormModel form = assembly.feature(ExperimentsFeature.class).form();
        clickOn(".chat-composer").write("Capital of France?");
        clickOn("#try-experiment");
        waitUntil(() -> find("#experiment-view").tryQuery().map(Node::isVisible).orElse(false));
        interact(() -> form.offer(List.of(choice("deepseek", "DeepSeek", "deepseek-chat"))));
        javafx.scene.control.ScrollPane scroll = find("#experiment-form").query();
        interact(() -> scroll.setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();

        clickOn("#check-kind");
        clickOn(lookupText("judged by a model"));
        waitUntil(() -> find("#judge-model").query().isVisible());
        ComboBox<ModelChoice> judge = find("#judge-model").queryComboBox();
        assertThat(judge.getValue().target().model()).as("the first checked model at first").isEqualTo(ChatSettings.DEFAULT_MODEL);
        clickOn(judge);
        clickOn(lookupText("deepseek-chat · DeepSeek"));
        assertThat(judge.getValue().target().model()).isEqualTo("deepseek-chat");
        clickOn("#add-check"); // no rubric yet: refused, and the editor says why
        assertThat(form.checks()).isEmpty();
        assertThat(find("#judge-message").queryLabeled().getText()).isEqualTo("Write the rubric: what a good reply does.");
        clickOn("#judge-rubric").write("Names Paris and nothing else.");
        clickOn("#judge-pass-mark .increment-arrow-button");
        clickOn("#add-check");
        assertThat(find("#judge-message").queryLabeled().isVisible()).isFalse();

        Target deepseek = new Target("deepseek", null, "deepseek-chat");
        assertThat(form.checks()).containsExactly(new parley.experiment.Check.Judge(deepseek, "Names Paris and nothing else.", 5));
        assertThat(find("#check-list").queryListView().getItems()).hasSize(1);
        Experiment experiment = WaitForAsyncUtils.asyncFx(form::experiment).get();
        assertThat(experiment.checks()).containsExactly(new parley.experiment.Check.Judge(deepseek, "Names Paris and nothing else.", 5));
    }

    @Test
    void aBadValueInTheParametersPanelIsDecoratedWithItsMessage() throws Exception {
        TextField field = find("#field-max_tokens").queryAs(TextField.class);
        doubleClickOn(field).eraseText(10).write("0").type(KeyCode.ENTER);
        assertThat(assembly.params().maxTokens().messageProperty().get()).isNotEmpty();
        assertThat(field.getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName().equals("danger"));
        assertThat(field.getTooltip().getText()).isEqualTo(assembly.params().maxTokens().messageProperty().get());
        doubleClickOn(field).eraseText(10).write("512").type(KeyCode.ENTER);
        assertThat(field.getPseudoClassStates()).noneMatch(p -> p.getPseudoClassName().equals("danger"));
        assertThat(assembly.params().maxTokens().value()).isEqualTo(512);
    }

    private static ModelChoice choice(String provider, String name, String model) {
        return new ModelChoice(new Target(provider, null, model), name, ModelInfo.of(model));
    }

    private Node lookupText(String prefix) throws TimeoutException {
        waitUntil(() -> lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith(prefix) && n.isVisible()).tryQuery().isPresent());
        return lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().startsWith(prefix)
                && n.isVisible()).query();
    }

    /** A lookup in this test's window only (a list's popup is found with {@code lookup}). */
    private org.testfx.service.query.NodeQuery find(String query) {
        return from(window.getScene().getRoot()).lookup(query);
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
