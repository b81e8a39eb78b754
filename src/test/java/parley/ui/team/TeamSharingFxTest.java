package parley.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.geometry.Side;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.Message;
import parley.experiment.Experiment;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentStore;
import parley.experiment.ExperimentSummary;
import parley.experiment.Prompt;
import parley.experiment.SavedExperiment;
import parley.experiment.StoredSamples;
import parley.history.ConversationStore;
import parley.history.FileLimit;
import parley.history.HistoryService;
import parley.history.SavedConversation;
import parley.history.SavedMessage;
import parley.preset.ParameterSet;
import parley.preset.PresetStore;
import parley.store.SessionSecrets;
import parley.team.ScratchPostgres;
import parley.team.TeamShelf;
import parley.team.TeamTestSupport;
import parley.ui.DesktopApp;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;
import parley.ui.history.HistoryViewModel;

/**
 * Two members of one workspace on a real PostgreSQL: this window (ada) shares a conversation, an
 * experiment and a preset, which the other member's folder (bo) finds; what bo shared opens here as
 * local copies (the experiment with its cells and targets, ready to run again) or applies (the preset).
 */
class TeamSharingFxTest extends FxRobot {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    @TempDir
    Path home;
    private WindowAssembly assembly;
    private TeamTestSupport bo;
    private final TestDialogs dialogs = new TestDialogs();

    @BeforeEach
    void start() throws Exception {
        ScratchPostgres.Db db = ScratchPostgres.shared().newDatabase();
        bo = TeamTestSupport.member(home.resolve("bo"));
        bo.team().connect(db.url(), "bo", db.user(), db.password(), null);
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList().forEach(javafx.stage.Window::hide);
            assembly = WindowAssembly.open(AppDatabase.open(home.resolve("ada").resolve("parley.db")),
                    new SessionSecrets("kept for this test only"), Map.of(), UiThread.FX, dialogs);
            stage.setScene(DesktopApp.scene(assembly, 1260, 780));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assembly.team().model().connect(db.url(), "ada", db.user(), db.password());
        waitUntil(() -> "Team: ada".equals(lookup("#team-button").queryButton().getText()));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
        bo.close();
    }

    @Test
    void whatThisWindowSharesTheOtherMemberFinds() throws Exception {
        new ConversationStore(assembly.database()).insertAll(List.of(conversation("c-1", "Tides", "Why are tides high?")));
        interact(() -> assembly.history().model().refresh());
        ListView<HistoryViewModel.Row> history = lookup("#history-list").queryListView();
        waitUntil(() -> history.getItems().size() == 1);
        ListCell<?> cell = (ListCell<?>) history.lookup(".list-cell");
        interact(() -> cell.getContextMenu().show(cell, Side.BOTTOM, 0, 0)); // a right click opens no menu on Monocle
        clickOn(menuItem("Share to team"));
        TeamShelf shelf = bo.team().shelf().orElseThrow();
        waitUntil(() -> shelf.list(TeamShelf.Kind.CONVERSATION).size() == 1);
        assertThat(shelf.list(TeamShelf.Kind.CONVERSATION).getFirst().member()).isEqualTo("ada");
        assertThat(shelf.body(TeamShelf.Kind.CONVERSATION, "c-1").orElseThrow()).contains("Why are tides high?");

        new ExperimentStore(assembly.database()).insertIfAbsent(StoredSamples.halfRun());
        ListView<ExperimentSummary> saved = showSaved();
        waitUntil(() -> saved.getItems().size() == 1);
        clickOn(saved.lookup(".list-cell"));
        clickOn("#saved-share");
        waitUntil(() -> shelf.list(TeamShelf.Kind.EXPERIMENT).size() == 1);
        assertThat(shelf.list(TeamShelf.Kind.EXPERIMENT).getFirst().title()).isEqualTo("Tides at two temperatures");

        clickOn("#place-chat");
        interact(() -> assembly.presets().save("brief"));
        waitUntil(() -> "Saved \"brief\".".equals(lookup("#preset-message").queryLabeled().getText()));
        clickOn("#preset-team");
        clickOn(menuItem("Share to team"));
        waitUntil(() -> shelf.list(TeamShelf.Kind.PRESET).size() == 1);
        ParameterSet shared = PresetStore.fromJson(shelf.body(TeamShelf.Kind.PRESET, "brief").orElseThrow(), "brief");
        ParameterSet here = interactGet(() -> assembly.params().snapshot());
        assertThat(shared.temperature()).isEqualTo(here.temperature());
        assertThat(shared.maxTokens()).isEqualTo(here.maxTokens());
    }

    @Test
    void whatTheOtherMemberSharedOpensHereAsALocalCopy() throws Exception {
        TeamShelf shelf = bo.team().shelf().orElseThrow();
        HistoryService boHistory = HistoryService.withoutChat(new ConversationStore(bo.database()), () -> FileLimit.DEFAULT_BYTES);
        new ConversationStore(bo.database()).insertAll(List.of(conversation("c-2", "Capitals", "Capital of France?")));
        shelf.share(TeamShelf.Kind.CONVERSATION, "c-2", "Capitals", boHistory.exportText("c-2"));
        ExperimentService boExperiments = new ExperimentService(new ExperimentStore(bo.database()), () -> FileLimit.DEFAULT_BYTES);
        boExperiments.store().insertIfAbsent(capitals());
        shelf.share(TeamShelf.Kind.EXPERIMENT, "exp-2", "Capitals", boExperiments.exportJson("exp-2").orElseThrow());
        ParameterSet warm = new ParameterSet(300, 1.3, 0.8, null, null, List.of(), true, true, "Be warm.");
        shelf.share(TeamShelf.Kind.PRESET, "warm", "warm", PresetStore.toJson(warm));

        clickOn("#history-team");
        standingStill("#history-team-open");
        ListView<TeamShelf.SharedItem> conversations = lookup("#history-team-list").queryListView();
        waitUntil(() -> conversations.getItems().size() == 1);
        clickOn(conversations.lookup(".list-cell"));
        clickOn("#history-team-open");
        waitUntil(() -> assembly.chat().conversation().messages().stream().map(Message::content).toList()
                .equals(List.of("Capital of France?", "Paris.")));
        ListView<HistoryViewModel.Row> history = lookup("#history-list").queryListView();
        waitUntil(() -> history.getItems().stream().anyMatch(r -> r.title().equals("Capitals")));

        ListView<ExperimentSummary> saved = showSaved();
        clickOn("#experiments-team");
        standingStill("#experiments-team-open");
        ListView<TeamShelf.SharedItem> experiments = lookup("#experiments-team-list").queryListView();
        waitUntil(() -> experiments.getItems().size() == 1);
        clickOn(experiments.lookup(".list-cell"));
        clickOn("#experiments-team-open");
        waitUntil(() -> saved.getItems().size() == 1);
        ExperimentStore mine = new ExperimentStore(assembly.database());
        SavedExperiment copy = mine.load(saved.getItems().getFirst().id()).orElseThrow();
        assertThat(copy.experiment().targets()).isEqualTo(capitals().experiment().targets());
        assertThat(copy.experiment().cellCount()).isEqualTo(capitals().experiment().cellCount());
        assertThat(ExperimentService.failedCells(copy)).hasSize(copy.experiment().cellCount()); // all ready to run

        clickOn("#place-chat");
        clickOn("#preset-team");
        clickOn(menuItem("warm — bo"));
        waitUntil(() -> lookup("#preset-message").queryLabeled().getText().startsWith("Applied the team's preset \"warm\""));
        ParameterSet applied = interactGet(() -> assembly.params().snapshot());
        assertThat(applied.temperature()).isEqualTo(1.3);
        assertThat(applied.maxTokens()).isEqualTo(300);
        assertThat(applied.systemPrompt()).isEqualTo("Be warm.");
    }

    private static SavedConversation conversation(String id, String title, String question) {
        String answer = question.startsWith("Capital") ? "Paris." : "The bay funnels them.";
        return new SavedConversation(id, title, "atlascloud", "deepseek-ai/deepseek-v3.2", "", null, T, T,
                List.of(SavedMessage.typed(id + "-1", "user", question, T),
                        SavedMessage.typed(id + "-2", "assistant", answer, T.plusSeconds(1))));
    }

    private static SavedExperiment capitals() {
        Experiment tides = StoredSamples.experiment();
        return new SavedExperiment(new Experiment("exp-2", "Capitals", new Prompt("", List.of(), "Capital of France?"),
                tides.base(), tides.targets(), List.of(), List.of(), 1, 4, List.of(), T), List.of());
    }

    private <T> T interactGet(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private ListView<ExperimentSummary> showSaved() throws TimeoutException {
        clickOn("#place-experiments");
        waitUntil(() -> lookup("#saved-pane").tryQuery().isPresent());
        clickOn("#saved-pane");
        standingStill("#saved-share");
        return lookup("#saved-list").queryListView();
    }

    /** A pane unfolds with an animation: waits until the node stands still (and shows). */
    private void standingStill(String id) throws TimeoutException {
        Node node = lookup(id).query();
        double[] last = {-1};
        waitUntil(() -> {
            double y = node.localToScreen(0, 0) == null ? -2 : node.localToScreen(0, 0).getY();
            boolean still = y == last[0] && node.isVisible();
            last[0] = y;
            if (!still) sleep(100);
            return still;
        });
    }

    private Node menuItem(String text) throws TimeoutException {
        waitUntil(() -> lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).tryQuery().isPresent());
        return lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).query();
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
