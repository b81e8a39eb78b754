package parley.ui.params;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.preset.ParameterSet;
import parley.team.TeamShelf.SharedItem;
import parley.ui.team.SharedShelfModel;
import parley.preset.PresetStore;
import parley.ui.ExtendedControls;
import parley.ui.UiThread;

/** Named parameter sets: save the current parameters (the extended ones too), load, rename and delete them. */
public final class PresetsViewModel {
    public enum State { IDLE, BUSY }

    private final PresetStore store;
    private final ParamsViewModel params;
    private final ExtendedControls extended;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<String> namesView = FXCollections.unmodifiableObservableList(names);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);

    /** A preset holds {@code params} and the {@code extended} controls' fields (seed, output format, tools …). */
    public PresetsViewModel(PresetStore store, ParamsViewModel params, ExtendedControls extended, Executor background,
                            UiThread ui) {
        this.store = store;
        this.params = params;
        this.extended = extended;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<String> names() { return namesView; }
    /** The preset last saved or loaded; empty when none. */
    public ReadOnlyStringProperty currentProperty() { return current.getReadOnlyProperty(); }
    /** What happened last ("Saved …") or why it failed, in one line. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public void refresh() {
        run(() -> new Outcome(store.names(), null, null));
    }

    /** Saves the current parameters under {@code name} (replacing a preset of that name). */
    public void save(String name) {
        String checked;
        try {
            checked = PresetStore.checkName(name);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        ParameterSet set = params.snapshot().withExtended(extended.snapshot());
        run(() -> {
            store.save(checked, set);
            return new Outcome(store.names(), checked, "Saved \"" + checked + "\".");
        });
    }

    public void load(String name) {
        if (name == null || name.isBlank()) {
            message.set("Pick a preset to load.");
            return;
        }
        run(() -> {
            Optional<ParameterSet> set = store.load(name);
            if (set.isEmpty()) return new Outcome(store.names(), null, "There is no preset named \"" + name + "\".");
            return new Outcome(store.names(), name, "Loaded \"" + name + "\".", set.get());
        });
    }

    public void rename(String from, String to) {
        if (from == null || from.isBlank()) {
            message.set("Pick the preset to rename.");
            return;
        }
        run(() -> {
            store.rename(from, to);
            String now = to.strip();
            return new Outcome(store.names(), now, "Renamed \"" + from + "\" to \"" + now + "\".");
        });
    }

    public void delete(String name) {
        if (name == null || name.isBlank()) {
            message.set("Pick the preset to delete.");
            return;
        }
        run(() -> {
            boolean gone = store.delete(name);
            return new Outcome(store.names(), "", gone ? "Deleted \"" + name + "\"." : "There is no preset named \"" + name + "\".");
        });
    }

    /** Copies the saved preset {@code name} into the team's workspace. */
    public void share(SharedShelfModel shelf, String name) {
        if (name == null || name.isBlank()) {
            message.set("Pick a saved preset to share.");
            return;
        }
        shelf.share(name, name, () -> PresetStore.toJson(store.load(name).orElseThrow(() -> new IllegalArgumentException(
                "There is no preset named \"" + name + "\": save it first, then share it."))));
    }

    /** Applies a preset the team shared to the parameters; it is not saved here unless the user saves it. */
    public void applyShared(SharedShelfModel shelf, SharedItem item) {
        shelf.open(item, body -> PresetStore.fromJson(body, item.title()), set -> show(new Outcome(null, null,
                "Applied the team's preset \"" + item.title() + "\" (shared by " + item.member() + ").", set)));
    }

    private void run(Supplier<Outcome> work) {
        state.set(State.BUSY);
        background.execute(() -> {
            Outcome outcome;
            try {
                outcome = work.get();
            } catch (RuntimeException e) {
                outcome = new Outcome(null, null, e.getMessage());
            }
            Outcome done = outcome;
            ui.run(() -> show(done));
        });
    }

    private void show(Outcome outcome) {
        if (outcome.names() != null) names.setAll(outcome.names());
        if (outcome.loaded() != null) {
            params.apply(outcome.loaded());
            extended.applyPreset(outcome.loaded().extended());
        }
        if (outcome.current() != null) current.set(outcome.current());
        message.set(outcome.message() == null ? "" : outcome.message());
        state.set(State.IDLE);
    }

    private record Outcome(List<String> names, String current, String message, ParameterSet loaded) {
        Outcome(List<String> names, String current, String message) {
            this(names, current, message, null);
        }
    }
}
