package parley.ui.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.experiment.Experiment;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentStore;
import parley.experiment.ExportFormat;
import parley.experiment.Prompt;
import parley.history.FileLimit;
import parley.store.Database;
import parley.experiment.ExperimentSummary;
import parley.experiment.StoredSamples;
import parley.ui.DesktopApp;
import parley.ui.TestDialogs;
import parley.ui.UiThread;
import parley.ui.WindowAssembly;

/** The saved experiments' list in the real window on Monocle: Export… to files (from the list and from opened results), Import… of a JSON export, the search. */
class SavedExperimentsFxTest extends FxRobot {
    @TempDir
    Path home;
    private WindowAssembly assembly;
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
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        interact(assembly::close);
    }

    @Test
    void theSelectedExperimentExportsToAnHtmlReportAndACsvFile() throws Exception {
        new ExperimentStore(assembly.database()).insertIfAbsent(StoredSamples.halfRun());
        ListView<ExperimentSummary> list = showSaved();
        waitUntil(() -> list.getItems().size() == 1);
        clickOn(list.lookup(".list-cell"));

        Path html = home.resolve("tides.html");
        dialogs.file = html;
        clickOn("#saved-export");
        clickOn(menuItem("HTML report"));
        waitUntil(() -> Files.exists(html));
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("<title>Tides at two temperatures</title>");
        waitUntil(() -> message().startsWith("Exported to"));
        assertThat(message()).isEqualTo("Exported to " + html + ".");

        Path csv = home.resolve("tides.csv");
        dialogs.file = csv;
        clickOn("#saved-export");
        clickOn(menuItem("CSV"));
        waitUntil(() -> Files.exists(csv));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("model,provider,temperature,place,repeat,")
                .contains("deepseek-ai/deepseek-v3.2");

        // a folder that is not there: the message line says why
        dialogs.file = home.resolve("missing").resolve("tides.md");
        clickOn("#saved-export");
        clickOn(menuItem("Markdown"));
        waitUntil(() -> message().startsWith("The experiment could not be exported to tides.md"));
        assertThat(lookup("#saved-message").query().getStyleClass()).contains("danger");

        // from the bar of the opened experiment's results
        clickOn("#saved-open");
        waitUntil(() -> lookup("#open-export").tryQuery().map(Node::isVisible).orElse(false));
        Path json = home.resolve("tides.json");
        dialogs.file = json;
        clickOn("#open-export");
        clickOn(menuItem("JSON"));
        waitUntil(() -> Files.exists(json));
        assertThat(Files.readString(json, StandardCharsets.UTF_8)).startsWith("{\n  \"format\" : \"parley.experiment\"");
    }

    @Test
    void aJsonExportImportsIntoAFreshDataFolderOnceAndADamagedFileSaysWhy() throws Exception {
        Path json = home.resolve("tides.json");
        try (Database other = AppDatabase.open(home.resolve("other").resolve("parley.db"))) {
            ExperimentStore store = new ExperimentStore(other);
            store.insertIfAbsent(StoredSamples.halfRun());
            new ExperimentService(store, () -> FileLimit.DEFAULT_BYTES).export("exp-1", ExportFormat.JSON, json);
        }
        ListView<ExperimentSummary> list = showSaved();
        assertThat(list.getItems()).isEmpty();

        dialogs.file = json;
        clickOn("#saved-import");
        waitUntil(() -> list.getItems().size() == 1);
        assertThat(list.getItems().getFirst().name()).isEqualTo("Tides at two temperatures");
        assertThat(list.getItems().getFirst().done()).isEqualTo(3);
        waitUntil(() -> message().equals("Imported \"Tides at two temperatures\"."));

        clickOn("#saved-import");
        waitUntil(() -> message().endsWith("is saved already: nothing was added."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(1);

        Path damaged = home.resolve("damaged.json");
        Files.writeString(damaged, "{\"format\": \"parley.experiment\", \"experiment\": ");
        dialogs.file = damaged;
        clickOn("#saved-import");
        waitUntil(() -> message().startsWith("Nothing was imported: damaged.json"));
        assertThat(lookup("#saved-message").query().getStyleClass()).contains("danger");
        assertThat(list.getItems()).hasSize(1);
    }

    @Test
    void typingInTheSearchNarrowsTheListToTheExperimentsWhoseNamePromptOrRepliesMatch() throws Exception {
        ExperimentStore store = new ExperimentStore(assembly.database());
        store.insertIfAbsent(StoredSamples.halfRun());
        Experiment tides = StoredSamples.experiment();
        store.saveDefinition(new Experiment("exp-2", "Capitals", new Prompt("", List.of(), "Capital of France?"),
                tides.base(), tides.targets(), List.of(), List.of(), 1, 4, List.of(), tides.createdAt().plusSeconds(60)));
        ListView<ExperimentSummary> list = showSaved();
        waitUntil(() -> list.getItems().size() == 2);

        clickOn("#saved-search").write("capital");
        waitUntil(() -> names(list).equals(List.of("Capitals")));
        eraseText(7).write("funnels"); // in a reply of the tides experiment only
        waitUntil(() -> names(list).equals(List.of("Tides at two temperatures")));
        eraseText(7).write("volcano");
        waitUntil(() -> list.getItems().isEmpty());
        assertThat(((Labeled) list.getPlaceholder()).getText()).isEqualTo("No saved experiment matches.");
        eraseText(7);
        waitUntil(() -> list.getItems().size() == 2);
    }

    private static List<String> names(ListView<ExperimentSummary> list) {
        return list.getItems().stream().map(ExperimentSummary::name).toList();
    }

    private ListView<ExperimentSummary> showSaved() throws TimeoutException {
        clickOn("#place-experiments");
        waitUntil(() -> lookup("#saved-pane").tryQuery().isPresent());
        clickOn("#saved-pane");
        // the pane unfolds with an animation: wait until the buttons under the list stand still
        Node importButton = lookup("#saved-import").query();
        double[] last = {-1};
        waitUntil(() -> {
            double y = importButton.localToScene(0, 0).getY();
            boolean still = y == last[0] && importButton.isVisible();
            last[0] = y;
            if (!still) sleep(100);
            return still;
        });
        return lookup("#saved-list").queryListView();
    }

    private String message() {
        return lookup("#saved-message").queryLabeled().getText();
    }

    private Node menuItem(String text) throws TimeoutException {
        waitUntil(() -> lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).tryQuery().isPresent());
        return lookup(n -> n instanceof Labeled l && text.equals(l.getText()) && n.isVisible()).query();
    }

    static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
