package parley.ui.prompts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.preset.ParameterSet;
import parley.prompt.FilledPrompt;
import parley.prompt.PromptDraft;
import parley.prompt.PromptLibrary;
import parley.team.PromptLibraries;
import parley.prompt.PromptVersion;
import parley.team.TeamOffline;
import parley.ui.UiThread;

/**
 * The prompt library window's state: the personal and the team's prompts (the team's marked offline
 * when its workspace is away), the chosen prompt's versions, a diff of two of them, the values of its
 * variables, and the commands Use, Save as prompt and Share to team. Every database call runs on the
 * background executor; results come back through {@link UiThread}, the newest refresh winning.
 */
public final class PromptLibraryViewModel {
    public enum State { IDLE, BUSY }

    /** How "Use" treats the request parameters. */
    public sealed interface Parameters {
        record PromptOwn() implements Parameters {}
        record KeepCurrent() implements Parameters {}
        record Preset(String name) implements Parameters {}
    }

    public static final Parameters PROMPT_OWN = new Parameters.PromptOwn();
    public static final Parameters KEEP_CURRENT = new Parameters.KeepCurrent();

    private final Supplier<PromptLibraries> service;
    private final Function<String, Optional<ParameterSet>> presets;
    private final Supplier<List<String>> presetNames;
    private final Composer composer;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<PromptEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<PromptVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<String> variables = FXCollections.observableArrayList();
    private final ObservableList<Parameters> parameterChoices = FXCollections.observableArrayList(PROMPT_OWN, KEEP_CURRENT);
    private final ObservableList<PromptEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<PromptVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<String> variablesView = FXCollections.unmodifiableObservableList(variables);
    private final ObservableList<Parameters> parameterChoicesView = FXCollections.unmodifiableObservableList(parameterChoices);
    private final Map<String, String> values = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<PromptEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<PromptVersion> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final ReadOnlyStringWrapper teamStatus = new ReadOnlyStringWrapper(this, "teamStatus", "");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper(this, "diff", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private long generation;

    public PromptLibraryViewModel(Supplier<PromptLibraries> service, Function<String, Optional<ParameterSet>> presets,
                                  Supplier<List<String>> presetNames, Composer composer, Executor background, UiThread ui) {
        this.service = service;
        this.presets = presets;
        this.presetNames = presetNames;
        this.composer = composer;
        this.background = background;
        this.ui = ui;
    }

    // Properties

    /** The personal prompts, then the team's (those last seen, while {@link #teamStatusProperty} is not empty). */
    public ObservableList<PromptEntry> entries() { return entriesView; }
    /** Every version of the selected prompt, oldest first. */
    public ObservableList<PromptVersion> versions() { return versionsView; }
    /** The variables of the chosen version, each wanting a value before Use. */
    public ObservableList<String> variables() { return variablesView; }
    /** The prompt's own parameters, the current ones, or each preset's. */
    public ObservableList<Parameters> parameterChoices() { return parameterChoicesView; }
    public ReadOnlyObjectProperty<PromptEntry> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** The version Use takes: the newest of the selected prompt unless another is chosen. */
    public ReadOnlyObjectProperty<PromptVersion> chosenProperty() { return chosen.getReadOnlyProperty(); }
    /** "" when the team's library answered (or there is none); else why its prompts are not shown, starting "team offline". */
    public ReadOnlyStringProperty teamStatusProperty() { return teamStatus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty diffProperty() { return diff.getReadOnlyProperty(); }
    /** What happened last, or why it failed, in one line. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    // Commands

    /** Reads both libraries and the preset names again. */
    public void refresh() {
        long asked = ++generation;
        state.set(State.BUSY);
        background.execute(() -> {
            PromptLibraries prompts = service.get();
            List<PromptEntry> found = new ArrayList<>();
            String team = "";
            String problem = null;
            List<String> names = List.of();
            try {
                prompts.personal().list().forEach(v -> found.add(new PromptEntry(v, false)));
                names = presetNames.get();
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            if (prompts.teamConfigured()) {
                try {
                    prompts.team().list().forEach(v -> found.add(new PromptEntry(v, true)));
                } catch (TeamOffline e) {
                    team = "team offline: the team's prompts cannot be reached now; yours are here.";
                } catch (RuntimeException e) {
                    team = e.getMessage();
                }
            }
            String teamLine = team;
            String failure = problem;
            List<String> presetList = names;
            ui.run(() -> {
                if (asked != generation) return;
                // while the team's library is away, the team's prompts last seen stay, greyed by the view
                if (!teamLine.isEmpty()) entries.stream().filter(PromptEntry::team).forEach(found::add);
                entries.setAll(found);
                teamStatus.set(teamLine);
                List<Parameters> choices = new ArrayList<>(List.of(PROMPT_OWN, KEEP_CURRENT));
                presetList.forEach(n -> choices.add(new Parameters.Preset(n)));
                parameterChoices.setAll(choices);
                if (failure != null) message.set(failure);
                state.set(State.IDLE);
            });
        });
    }

    /** Shows the versions of {@code entry}; its newest is the one Use takes. */
    public void select(PromptEntry entry) {
        selected.set(entry);
        diff.set("");
        if (entry == null) {
            versions.clear();
            choose(null);
            return;
        }
        choose(entry.newest());
        run(library -> library.history(entry.newest().name()), entry.team(), found -> {
            if (selected.get() == entry) versions.setAll(found);
        });
    }

    /** The version Use takes. */
    public void choose(PromptVersion version) {
        chosen.set(version);
        variables.setAll(version == null ? List.of() : List.copyOf(version.variables()));
        values.keySet().retainAll(variables);
    }

    /** The value {@code variable} takes when the prompt is used. */
    public void setValue(String variable, String value) {
        values.put(variable, value == null ? "" : value);
    }

    /** Shows what changed from version {@code from} to {@code to} of the selected prompt. */
    public void diff(int from, int to) {
        PromptEntry entry = selected.get();
        if (entry == null) {
            message.set("Pick a prompt first.");
            return;
        }
        run(library -> library.diff(entry.newest().name(), from, to).format(), entry.team(), diff::set);
    }

    /** Fills the composer from the chosen version, its variables from the values typed; refuses a variable left empty. */
    public void use(Parameters parameters) {
        PromptVersion version = chosen.get();
        if (version == null) {
            message.set("Pick a prompt to use.");
            return;
        }
        List<String> empty = variables.stream().filter(v -> values.getOrDefault(v, "").isBlank()).toList();
        if (!empty.isEmpty()) {
            message.set("Give {{" + String.join("}}, {{", empty) + "}} a value first.");
            return;
        }
        FilledPrompt filled = FilledPrompt.of(version, values);
        switch (parameters) {
            case Parameters.PromptOwn p -> done(() -> composer.use(filled, version.model(), version.params()), version);
            case Parameters.KeepCurrent k -> done(() -> composer.useTexts(filled), version);
            case Parameters.Preset p -> {
                state.set(State.BUSY);
                background.execute(() -> {
                    Optional<ParameterSet> set = presets.apply(p.name());
                    ui.run(() -> {
                        state.set(State.IDLE);
                        if (set.isEmpty()) message.set("There is no preset named \"" + p.name() + "\" any more.");
                        else done(() -> composer.useWithPreset(filled, set.get()), version);
                    });
                });
            }
        }
    }

    /** Saves what the composer holds as a new version of {@code name}, in the team's library when {@code team}. */
    public void saveFromComposer(String name, String note, boolean team) {
        PromptDraft draft = composer.current(note);
        String checked;
        try {
            checked = PromptLibrary.checkName(name);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        run(library -> library.save(checked, draft), team, saved -> {
            message.set(saved.created() ? "Saved " + checked + " v" + saved.version().version() + (team ? " in the team's library." : ".")
                    : checked + " v" + saved.version().version() + " already holds this prompt: nothing saved.");
            refresh();
        });
    }

    /** Copies the selected personal prompt with its history to the team's library. */
    public void share() {
        PromptEntry entry = selected.get();
        if (entry == null || entry.team()) {
            message.set("Pick one of your own prompts to share.");
            return;
        }
        String name = entry.newest().name();
        work(() -> service.get().share(name), added -> {
            message.set(added.isEmpty() ? "The team's library has every version of " + name + " already."
                    : "Shared " + name + " to the team (" + added.size() + " version" + (added.size() == 1 ? "" : "s") + ").");
            refresh();
        });
    }

    private void done(Runnable fill, PromptVersion version) {
        fill.run();
        message.set("Used " + version.name() + " v" + version.version() + ".");
    }

    private <T> void run(Function<PromptLibrary, T> call, boolean team, Consumer<T> then) {
        work(() -> service.get().library(team).call(call), then);
    }

    private <T> void work(Supplier<T> call, Consumer<T> then) {
        state.set(State.BUSY);
        background.execute(() -> {
            T result;
            try {
                result = call.get();
            } catch (RuntimeException e) {
                String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.run(() -> {
                    message.set(text);
                    if (e instanceof TeamOffline) teamStatus.set("team offline: the team's prompts cannot be reached now; yours are here.");
                    state.set(State.IDLE);
                });
                return;
            }
            ui.run(() -> {
                state.set(State.IDLE);
                then.accept(result);
            });
        });
    }
}
