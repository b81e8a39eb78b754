package parley.ui.experiment;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.TaskProgressView;
import parley.experiment.CellStatus;
import parley.experiment.ExperimentEvent;

/**
 * A running experiment: the progress line with Stop all, ControlsFX's {@link TaskProgressView} of
 * the cells in flight (each with its Cancel), and the results beside it.
 */
final class RunPanel extends BorderPane {
    private final TaskProgressView<CellTask> inFlight = new TaskProgressView<>();
    private final Map<Integer, CellTask> tasks = new HashMap<>();
    private final RunModel run;
    private final List<CellRunner.Running> runs = new CopyOnWriteArrayList<>();

    RunPanel(RunModel run, CellRunner.Running running, Runnable back) {
        this.run = run;
        runs.add(running);
        setId("experiment-run");
        Label progress = new Label();
        progress.setId("experiment-progress");
        progress.textProperty().bind(run.progressProperty());
        Button stop = new Button("Stop all");
        stop.setId("experiment-stop");
        stop.getStyleClass().add(Styles.DANGER);
        stop.disableProperty().bind(run.finishedProperty());
        stop.setOnAction(e -> runs.forEach(CellRunner.Running::stop));
        Button edit = new Button("Back to the form");
        edit.setId("experiment-back");
        edit.getStyleClass().add(Styles.FLAT);
        edit.disableProperty().bind(run.finishedProperty().not());
        edit.setOnAction(e -> back.run());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        edit.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(8, progress, edit, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("experiment-run-bar");
        setTop(bar);

        inFlight.setId("cells-in-flight");
        inFlight.setMinWidth(280);
        inFlight.setPrefWidth(340);
        inFlight.setMaxWidth(340);
        // the list's cells ask for the width of their longest title; held to the column, they clip it
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(inFlight.widthProperty());
        clip.heightProperty().bind(inFlight.heightProperty());
        inFlight.setClip(clip);
        setLeft(inFlight);
        run.addListener(this::follow);
    }

    /** The results beside the cells in flight. */
    void setResults(Node results) {
        setCenter(results);
    }

    /** A further run into the same cells (a cell sent again); Stop all and Cancel reach it too. */
    void add(CellRunner.Running more) {
        runs.add(more);
    }

    private void follow(ExperimentEvent event) {
        switch (event) {
            case ExperimentEvent.CellStarted e -> started(e.cell());
            case ExperimentEvent.CellDelta e -> {
                CellTask task = tasks.get(e.cell());
                if (task != null) task.streamed(run.rows().get(e.cell()).text().length());
            }
            case ExperimentEvent.CellEnded e -> {
                CellTask task = tasks.remove(e.result().cell());
                if (task != null) task.end();
            }
            case ExperimentEvent.Finished f -> tasks.values().forEach(CellTask::end);
            default -> { }
        }
    }

    private void started(int cell) {
        if (tasks.containsKey(cell) || run.rows().get(cell).status() != CellStatus.RUNNING) return;
        CellTask task = new CellTask(run.rows().get(cell).cell(), () -> runs.forEach(r -> r.cancel(cell)));
        tasks.put(cell, task);
        inFlight.getTasks().add(task);
        Thread.ofVirtual().name("experiment-cell-" + cell).start(task);
    }
}
