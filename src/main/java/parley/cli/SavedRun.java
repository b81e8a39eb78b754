package parley.cli;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ExperimentRecorder;
import parley.experiment.ExperimentStore;
import parley.store.Database;

/**
 * A sweep saved as it runs into the data folder's experiments, where the window's Experiments view
 * lists it. The keys the sweep uses are masked in what is stored. When the database cannot be opened
 * the sweep runs all the same, unsaved, and says so in one line.
 */
final class SavedRun implements Consumer<ExperimentEvent>, AutoCloseable {
    private static final SavedRun NONE = new SavedRun(null, null, null, null);

    private final Database database;
    private final ExperimentRecorder recorder;
    private final Experiment experiment;
    private final CliContext context;

    private SavedRun(Database database, ExperimentRecorder recorder, Experiment experiment, CliContext context) {
        this.database = database;
        this.recorder = recorder;
        this.experiment = experiment;
        this.context = context;
    }

    static SavedRun start(boolean skip, Experiment experiment, List<String> keys, CliContext context) {
        if (skip) return NONE;
        Database database;
        try {
            database = DataHome.open(context.env(), context.err());
        } catch (RuntimeException e) {
            context.err().println("parley: the sweep is not saved: " + Subcommand.oneLine(e));
            return NONE;
        }
        ExperimentStore store = new ExperimentStore(database, Clock.systemUTC(), () -> keys);
        ExperimentRecorder recorder = ExperimentRecorder.start(store, experiment,
                e -> context.err().println("parley: a cell of the sweep was not saved: " + Subcommand.oneLine(e)));
        return new SavedRun(database, recorder, experiment, context);
    }

    @Override
    public void accept(ExperimentEvent event) {
        if (recorder != null) recorder.accept(event);
    }

    @Override
    public void close() throws InterruptedException {
        if (recorder == null) return;
        try {
            recorder.close();
            context.err().println("parley: saved as experiment " + experiment.id() + " (\"" + experiment.name() + "\")");
        } finally {
            database.close();
        }
    }
}
