package parley.ui.experiment;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.experiment.ExperimentStore;
import parley.experiment.ExperimentSummary;
import parley.experiment.SavedExperiment;
import parley.ui.UiThread;

/**
 * The saved experiments as the view lists them: listed, opened, renamed and deleted through the
 * store on the background executor, the answers applied on the UI thread (a newer listing wins).
 */
public final class SavedModel {
    private final ExperimentStore store;
    private final Executor background;
    private final UiThread ui;
    private final AtomicLong generation = new AtomicLong();
    private final ObservableList<ExperimentSummary> items = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSummary> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public SavedModel(ExperimentStore store, Executor background, UiThread ui) {
        this.store = store;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<ExperimentSummary> items() { return itemsView; }

    /** What went wrong with the last command; empty when it worked. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void refresh() {
        long mine = generation.incrementAndGet();
        work(store::list, list -> { if (generation.get() == mine) items.setAll(list); });
    }

    public void open(String id, Consumer<SavedExperiment> then) {
        work(() -> store.load(id).orElse(null), saved -> {
            if (saved == null) message.set("That experiment is no longer saved.");
            else then.accept(saved);
        });
    }

    public void rename(String id, String name) {
        if (name == null || name.isBlank()) {
            message.set("Give the experiment a name that is not blank.");
            return;
        }
        work(() -> store.rename(id, name.strip()), done -> refresh());
    }

    public void delete(String id) {
        work(() -> store.delete(id), done -> refresh());
    }

    private <T> void work(java.util.concurrent.Callable<T> job, Consumer<T> then) {
        background.execute(() -> {
            try {
                T result = job.call();
                ui.run(() -> {
                    message.set("");
                    then.accept(result);
                });
            } catch (Exception e) {
                ui.run(() -> message.set("The saved experiments could not be read or changed: " + e.getMessage()));
            }
        });
    }

}
