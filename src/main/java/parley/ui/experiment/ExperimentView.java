package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import parley.experiment.Cell;
import parley.experiment.Cells;
import parley.experiment.Experiment;
import parley.experiment.SavedExperiment;
import parley.ui.Dialogs;
import parley.ui.team.SharedShelfModel;
import parley.ui.UiThread;
import parley.ui.chat.FrameClock;
import parley.ui.experiment.results.ResultsView;

/**
 * The Experiments place: the form, and under it what the experiment will cost (cells, requests,
 * estimate and worst case, the budget) with Run; a run replaces the form with its progress and
 * results until the user goes back. Over {@link Experiment#CONFIRM_ABOVE} cells, or when the budget
 * asks, Run asks first.
 */
public final class ExperimentView extends BorderPane {
    private final ExperimentFormModel form;
    private final ExperimentForm formView;
    private final CellRunner runner;
    private final Dialogs dialogs;
    private final Supplier<FrameClock> clocks;
    private final UiThread ui;
    private final PreflightModel preflight;
    private final BiFunction<Experiment, Consumer<Cell>, ResultsView.Actions> actions;
    private final SavedModel saved;
    private final TitledPane savedPanel;
    private RunModel current;

    /**
     * {@code clocks} gives each run's models a frame clock of their own (one clock runs one task);
     * {@code actions} gives what a result cell's buttons do, for an experiment and its Retry.
     */
    public ExperimentView(ExperimentFormModel form, CellRunner runner, PreflightModel preflight, Dialogs dialogs,
                          Supplier<FrameClock> clocks, UiThread ui, BiFunction<Experiment, Consumer<Cell>, ResultsView.Actions> actions,
                          SavedModel saved, SharedShelfModel shared) {
        this.form = form;
        this.saved = saved;
        this.actions = actions;
        this.runner = runner;
        this.preflight = preflight;
        this.dialogs = dialogs;
        this.clocks = clocks;
        this.ui = ui;
        setId("experiment-view");
        getStyleClass().add("experiment-view");
        getStylesheets().add(ExperimentView.class.getResource("controlsfx.css").toExternalForm());
        formView = new ExperimentForm(form, dialogs);
        setCenter(formView);
        setBottom(actionBar());
        savedPanel = new TitledPane("Saved experiments", new SavedPanel(saved, shared, dialogs, this::showSaved));
        savedPanel.setId("saved-pane");
        savedPanel.setExpanded(false);
        setTop(savedPanel);
    }

    private VBox actionBar() {
        Label problem = new Label();
        problem.setId("experiment-problem");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(() -> form.problems().isEmpty() ? ""
                : String.join("\n", form.problems()), form.problems()));
        Label warning = new Label();
        warning.setId("experiment-warning");
        warning.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        warning.setWrapText(true);
        warning.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", form.warnings()), form.warnings()));
        for (Label l : List.of(problem, warning)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        Label summary = new Label();
        summary.setId("experiment-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(preflight.textProperty());
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        Button run = new Button("Run");
        run.setId("experiment-run-button");
        run.getStyleClass().add(Styles.ACCENT);
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(Bindings.isNotEmpty(form.problems()));
        run.setOnAction(e -> run());
        HBox row = new HBox(10, summary, run);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, problem, warning, row);
        bar.setPadding(new Insets(8, 12, 10, 12));
        bar.getStyleClass().add("experiment-action-bar");
        form.cellCountProperty().addListener((o, old, now) -> preflight.refresh(form));
        form.problems().addListener((Observable o) -> preflight.refresh(form));
        form.chosen().addListener((Observable o) -> preflight.refresh(form));
        form.axes().addListener((Observable o) -> preflight.refresh(form));
        preflight.refresh(form);
        return bar;
    }

    /** Runs the form's experiment, after asking when it is large or the budget says so. */
    void run() {
        if (!form.problems().isEmpty()) return;
        Experiment experiment = form.experiment();
        List<Cell> cells = Cells.of(experiment);
        if (preflight.blocked()) {
            dialogs.warn("Run the experiment", "The budget stops this experiment", preflight.textProperty().get());
            return;
        }
        if (preflight.needsConfirmation(cells.size())
                && !dialogs.confirm("Run the experiment", "Run " + cells.size() + " cells?", preflight.textProperty().get())) {
            return;
        }
        start(experiment, cells, null);
    }

    /** Runs {@code cells} of the experiment, over the results of {@code before} when it is a re-run. */
    private void start(Experiment experiment, List<Cell> cells, SavedExperiment before) {
        RunModel run = new RunModel(experiment, Cells.of(experiment), clocks.get(), ui);
        current = run;
        run.finishedProperty().subscribe(done -> { if (done) saved.refresh(); });
        CellRunner.Running running = runner.start(experiment, cells, run::accept);
        RunPanel panel = new RunPanel(run, running, this::showForm);
        setTop(null);
        Consumer<Cell> retry = cell -> panel.add(runner.start(experiment, List.of(cell), run::accept));
        panel.setResults(ResultsSlot.of(run, actions.apply(experiment, retry), clocks.get(), before));
        setCenter(panel);
        getBottom().setVisible(false);
        getBottom().setManaged(false);
    }

    /** A saved experiment's results, with Re-run failed (the cells that failed, were stopped or never ran). */
    private void showSaved(SavedExperiment experiment) {
        List<Cell> again = SavedRuns.unfinished(experiment);
        Button rerun = new Button("Re-run " + again.size() + (again.size() == 1 ? " cell" : " cells"));
        rerun.setId("saved-rerun");
        rerun.setDisable(again.isEmpty());
        rerun.setOnAction(e -> start(experiment.experiment(), again, experiment));
        Button back = new Button("Back to the form");
        back.getStyleClass().add(Styles.FLAT);
        back.setOnAction(e -> showForm());
        Label name = new Label(experiment.experiment().name());
        name.getStyleClass().add(Styles.TITLE_4);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        MenuButton export = ExportMenu.of("open-export", saved, dialogs,
                () -> new ExportMenu.Chosen(experiment.experiment().id(), experiment.experiment().name()));
        Label message = SavedPanel.message(saved);
        message.setMaxWidth(300);
        HBox bar = new HBox(8, name, message, back, export, rerun);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("experiment-run-bar");
        RunModel run = new RunModel(experiment.experiment(), Cells.of(experiment.experiment()), clocks.get(), ui);
        BorderPane pane = new BorderPane(ResultsSlot.of(run, actions.apply(experiment.experiment(),
                cell -> start(experiment.experiment(), List.of(cell), experiment)), clocks.get(), experiment));
        pane.setTop(bar);
        setCenter(pane);
        setTop(null);
        getBottom().setVisible(false);
        getBottom().setManaged(false);
    }

    /** The run shown, or the last one (null before the first). */
    RunModel currentRun() { return current; }

    private void showForm() {
        setCenter(formView);
        setTop(savedPanel);
        getBottom().setVisible(true);
        getBottom().setManaged(true);
    }
}
