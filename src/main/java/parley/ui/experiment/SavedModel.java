package parley.ui.experiment;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.experiment.ExperimentHit;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentSummary;
import parley.experiment.ExportFormat;
import parley.experiment.SavedExperiment;
import parley.team.TeamShelf.SharedItem;
import parley.ui.UiThread;
import parley.ui.team.SharedShelfModel;

/**
 * The saved experiments as the view lists them: listed (all, or those a search matches), opened,
 * renamed, deleted, exported and imported through the service on the background executor, the
 * answers applied on the UI thread (a newer listing wins).
 */
public final class SavedModel {
    private static final String READ_FAILED = "The saved experiments could not be read or changed: ";
    private static final int SEARCH_LIMIT = 1000;
    private final ExperimentService service;
    private final Executor background;
    private final UiThread ui;
    private final AtomicLong generation = new AtomicLong();
    private final ObservableList<ExperimentSummary> items = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSummary> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String query = "";
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);

    public SavedModel(ExperimentService service, Executor background, UiThread ui) {
        this.service = service;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<ExperimentSummary> items() { return itemsView; }

    /** What the last command did when the user should know (an export written), or what went wrong. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** True when {@link #messageProperty()} tells of a failure. */
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /** Lists the experiments again, those the search matches when there is one. */
    public void refresh() {
        long mine = generation.incrementAndGet();
        String words = query;
        // the listing keeps the message: it follows the commands that set one
        run(READ_FAILED, () -> listing(words), list -> { if (generation.get() == mine) items.setAll(list); });
    }

    /**
     * Lists only the experiments whose name, prompt or replies hold every word of {@code words}
     * (blank: all of them). The latest search wins over one still being answered.
     */
    public void search(String words) {
        query = words == null ? "" : words.strip();
        refresh();
    }

    private List<ExperimentSummary> listing(String words) {
        if (words.isEmpty()) return service.list();
        Set<String> ids = new LinkedHashSet<>();
        for (ExperimentHit hit : service.search(words, SEARCH_LIMIT)) ids.add(hit.experimentId());
        Map<String, ExperimentSummary> all = new HashMap<>();
        for (ExperimentSummary s : service.list()) all.put(s.id(), s);
        return ids.stream().map(all::get).filter(Objects::nonNull).toList();
    }

    public void open(String id, Consumer<SavedExperiment> then) {
        work(() -> service.load(id).orElse(null), saved -> {
            if (saved == null) fail("That experiment is no longer saved.");
            else then.accept(saved);
        });
    }

    public void rename(String id, String name) {
        if (name == null || name.isBlank()) {
            fail("Give the experiment a name that is not blank.");
            return;
        }
        work(() -> service.rename(id, name.strip()), done -> refresh());
    }

    public void delete(String id) {
        work(() -> service.delete(id), done -> refresh());
    }

    /** Copies the saved experiment (its JSON export, results and all) into the team's workspace. */
    public void share(SharedShelfModel shelf, ExperimentSummary summary) {
        shelf.share(summary.id(), summary.name(), () -> service.exportJson(summary.id())
                .orElseThrow(() -> new IllegalStateException("That experiment is no longer saved.")));
    }

    /**
     * Imports an experiment the team shared as a local copy (once), lists it and hands it to {@code then}:
     * its cells and targets as shared, ready to run again.
     */
    public void openShared(SharedShelfModel shelf, SharedItem item, Consumer<SavedExperiment> then) {
        shelf.open(item, body -> {
            ExperimentService.ImportReport report = service.importText(body, item.title());
            return service.load(report.experimentId()).orElseThrow();
        }, opened -> {
            refresh();
            then.accept(opened);
        });
    }

    /** Writes the saved experiment to {@code file}; the message line says where, or why not. */
    public void export(String id, ExportFormat format, Path file) {
        work("The experiment could not be exported to " + file.getFileName() + ": ", () -> {
            service.export(id, format, file);
            return file;
        }, done -> tell("Exported to " + done + "."));
    }

    /** Imports a JSON export and lists it; one imported before is not added again, and the message says so. */
    public void importFile(Path file) {
        work("Nothing was imported: ", () -> service.importFile(file), report -> {
            tell(report.added() ? "Imported \"" + report.name() + "\"."
                    : "\"" + report.name() + "\" is saved already: nothing was added.");
            refresh();
        });
    }

    private void tell(String text) {
        failed.set(false);
        message.set(text);
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    private <T> void work(Callable<T> job, Consumer<T> then) {
        work(READ_FAILED, job, then);
    }

    /** A command: its success clears the message before {@code then} runs. */
    private <T> void work(String failure, Callable<T> job, Consumer<T> then) {
        run(failure, job, result -> {
            tell("");
            then.accept(result);
        });
    }

    private <T> void run(String failure, Callable<T> job, Consumer<T> then) {
        background.execute(() -> {
            try {
                T result = job.call();
                ui.run(() -> then.accept(result));
            } catch (Exception e) {
                ui.run(() -> fail(failure + e.getMessage()));
            }
        });
    }
}
