package parley.ui.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.Cells;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.GroupStats;
import parley.experiment.PassRates;
import parley.experiment.SavedExperiment;
import parley.ui.chat.FrameClock;

/**
 * The cells of one experiment on the FX thread. {@link #accept} takes the runner's events (the caller
 * hands them over on the FX thread, batched per frame); deltas are appended to each cell's builder
 * and published once a frame through the {@link FrameClock}. Cells change their status, result and
 * rating in place, and the list reports those changes to sorted and filtered views of it.
 */
public final class ResultsModel {
    private final FrameClock clock;
    private final ObservableList<CellState> cells = FXCollections.observableArrayList(
            s -> new Observable[] {s.statusProperty(), s.resultProperty(), s.ratingProperty()});
    private final ObservableList<CellState> cellsView = FXCollections.unmodifiableObservableList(cells);
    private final ReadOnlyObjectWrapper<Experiment> experiment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExperimentEvent.Progress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ExperimentEvent.Finished> finished = new ReadOnlyObjectWrapper<>();
    private final List<CellState> dirty = new ArrayList<>();
    private List<ResultAxis> axes = List.of();
    private Consumer<CellResult> onRated = result -> {};
    private boolean ticking;

    /** Publishes once per JavaFX pulse. */
    public ResultsModel() {
        this(FrameClock.fx());
    }

    public ResultsModel(FrameClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Shows the experiment's cells, all waiting, before its run starts. */
    public void begin(Experiment value) {
        dirty.clear();
        axes = ResultAxis.of(value);
        List<CellState> fresh = new ArrayList<>();
        for (Cell cell : Cells.of(value)) fresh.add(new CellState(cell));
        progress.set(null);
        finished.set(null);
        cells.setAll(fresh);
        // last: views rebuild when the experiment changes, and find its cells in place
        experiment.set(value);
    }

    /** Shows a saved experiment: its cells with the results that were kept. */
    public void load(SavedExperiment saved) {
        begin(saved.experiment());
        for (CellResult result : saved.results()) {
            CellState state = at(result.cell());
            if (state != null) {
                state.end(result);
                state.publish();
            }
        }
        finished.set(new ExperimentEvent.Finished(false));
    }

    public void accept(ExperimentEvent event) {
        switch (event) {
            case ExperimentEvent.CellStarted e -> touch(e.cell(), CellState::start);
            case ExperimentEvent.CellDelta e -> touch(e.cell(), s -> s.append(e.text(), e.reasoning()));
            case ExperimentEvent.CellEnded e -> touch(e.result().cell(), s -> s.end(e.result()));
            case ExperimentEvent.CellWaiting e -> touch(e.cell(), s -> s.waiting(e.waitMillis()));
            case ExperimentEvent.Progress e -> progress.set(e);
            case ExperimentEvent.Finished e -> finished.set(e);
        }
    }

    /** Rates a cell 1–5 (null clears); the listener set with {@link #setOnRated} hears of it. */
    public void rate(CellState state, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw new IllegalArgumentException("a rating is 1 to 5, not " + value);
        }
        state.rate(value);
        CellResult result = state.snapshot();
        if (result != null) onRated.accept(result);
    }

    /** Hears each rating of an ended cell, with the result to keep (e.g. to store it). */
    public void setOnRated(Consumer<CellResult> listener) {
        onRated = Objects.requireNonNull(listener, "listener");
    }

    public ObservableList<CellState> cells() { return cellsView; }

    public List<ResultAxis> axes() { return axes; }

    public ReadOnlyObjectProperty<Experiment> experimentProperty() { return experiment.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<ExperimentEvent.Progress> progressProperty() { return progress.getReadOnlyProperty(); }

    /** Null while the experiment runs. */
    public ReadOnlyObjectProperty<ExperimentEvent.Finished> finishedProperty() { return finished.getReadOnlyProperty(); }

    /** The results of the cells that ended, with their ratings, in cell order. */
    public List<CellResult> results() {
        return cells.stream().map(CellState::snapshot).filter(Objects::nonNull).toList();
    }

    /** The figures over the repeats of this cell's group (itself alone without repeats). */
    public GroupStats group(CellState state) {
        String key = state.cell().groupKey();
        return GroupStats.of(key, cells.stream().filter(s -> s.cell().groupKey().equals(key))
                .map(CellState::snapshot).filter(Objects::nonNull).toList());
    }

    /** For each value of the axis, in the cells' order: the cells that passed every check, and the ratings summed. */
    Map<String, ColumnTally> tallies(ResultAxis axis) {
        List<Cell> all = cells.stream().map(CellState::cell).toList();
        Map<String, PassRates.Rate> rates = PassRates.by(all, results(), axis.value());
        Map<String, int[]> ratings = new LinkedHashMap<>();
        for (CellState state : cells) {
            int[] sum = ratings.computeIfAbsent(axis.value().apply(state.cell()), k -> new int[2]);
            Integer rating = state.ratingProperty().get();
            if (rating != null) {
                sum[0] += rating;
                sum[1]++;
            }
        }
        Map<String, ColumnTally> tallies = new LinkedHashMap<>();
        rates.forEach((value, rate) -> tallies.put(value,
                new ColumnTally(rate, ratings.get(value)[0], ratings.get(value)[1])));
        return tallies;
    }

    public CellState at(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    private void touch(int index, Consumer<CellState> change) {
        CellState state = at(index);
        if (state == null) return;
        change.accept(state);
        if (!state.dirty) {
            state.dirty = true;
            dirty.add(state);
        }
        if (!ticking) {
            ticking = true;
            clock.start(this::publish);
        }
    }

    /** Runs once a frame while cells change: publishes what changed since the last frame. */
    private boolean publish() {
        if (dirty.isEmpty()) {
            ticking = false;
            return false;
        }
        for (CellState state : dirty) state.publish();
        dirty.clear();
        return true;
    }
}
