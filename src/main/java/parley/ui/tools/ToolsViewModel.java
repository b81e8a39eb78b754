package parley.ui.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.api.ExtendedParameters;
import parley.api.Tool;
import parley.api.ToolChoice;
import parley.ui.UiThread;

/**
 * The functions the model may call ({@code tools}), {@code tool_choice} and {@code parallel_tool_calls}:
 * add, rename and remove functions, edit their schemas, import and export the API's {@code tools}
 * array. A function whose schema is not valid stays out of the request until it is.
 * {@link #revision()} ticks on every change to what would be sent.
 */
public final class ToolsViewModel {
    private final ObservableList<ToolEntry> tools = FXCollections.observableArrayList();
    private final ObservableList<ToolEntry> toolsView = FXCollections.unmodifiableObservableList(tools);
    private final ObservableList<ToolChoiceOption> choices = FXCollections.observableArrayList();
    private final ObservableList<ToolChoiceOption> choicesView = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyObjectWrapper<ToolChoiceOption> choice =
            new ReadOnlyObjectWrapper<>(this, "choice", ToolChoiceOption.NOT_SENT);
    private final ReadOnlyObjectWrapper<Boolean> parallel = new ReadOnlyObjectWrapper<>(this, "parallel");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper libraryRevision = new ReadOnlyLongWrapper(this, "libraryRevision");
    private final InvalidationListener tick = o -> changed();
    private final Executor background;
    private final UiThread ui;

    public ToolsViewModel(Executor background, UiThread ui) {
        this.background = background;
        this.ui = ui;
        choice.addListener(tick);
        parallel.addListener(tick);
        refreshChoices();
    }

    public ObservableList<ToolEntry> tools() { return toolsView; }

    /** auto, none, required and one entry per function, after "not sent". */
    public ObservableList<ToolChoiceOption> choices() { return choicesView; }

    public ReadOnlyObjectProperty<ToolChoiceOption> choiceProperty() { return choice.getReadOnlyProperty(); }

    /** {@code parallel_tool_calls}: null leaves it out. */
    public ReadOnlyObjectProperty<Boolean> parallelProperty() { return parallel.getReadOnlyProperty(); }

    /** The outcome of the last add, import or export; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Which functions stay out of the request, and why; empty when every one goes. */
    public ReadOnlyStringProperty leftOutProperty() { return leftOut.getReadOnlyProperty(); }

    public ReadOnlyLongProperty revision() { return revision.getReadOnlyProperty(); }

    /** Ticks on every change to the functions, canned results included: when to save {@link #library()}. */
    public ReadOnlyLongProperty libraryRevision() { return libraryRevision.getReadOnlyProperty(); }

    /** The functions as they are kept between runs. */
    public List<SavedTool> library() {
        return tools.stream().map(t -> new SavedTool(t.name(), t.descriptionProperty().get(),
                t.parameters().textProperty().get(), t.strictProperty().get(), t.cannedResultProperty().get())).toList();
    }

    /** Puts back the functions kept from the last run (a repeated or malformed name is skipped). */
    public void restore(List<SavedTool> saved) {
        Set<String> seen = new HashSet<>();
        List<ToolEntry> entries = new ArrayList<>();
        for (SavedTool s : saved) {
            if (!ToolNames.problem(s.name(), seen).isEmpty()) continue;
            seen.add(s.name());
            ToolEntry entry = new ToolEntry(s.name());
            entry.setDescription(s.description());
            entry.parameters().setText(s.schema());
            entry.setStrict(s.strict());
            entry.setCannedResult(s.cannedResult());
            entries.add(watched(entry));
        }
        tools.setAll(entries);
        changed();
    }

    /** Adds a function with an empty schema; refuses a missing, malformed or taken name with a message. */
    public boolean add(String name) {
        String problem = ToolNames.problem(name, names());
        if (!problem.isEmpty()) {
            message.set(problem);
            return false;
        }
        tools.add(watched(new ToolEntry(name.strip())));
        message.set("");
        changed();
        return true;
    }

    public void remove(ToolEntry entry) {
        if (!tools.remove(entry)) return;
        message.set("");
        changed();
    }

    /** Renames {@code entry}; a refusal leaves the old name and tells why on the entry. */
    public boolean rename(ToolEntry entry, String newName) {
        String now = newName == null ? "" : newName.strip();
        if (now.equals(entry.name())) {
            entry.rename(now);
            return true;
        }
        Set<String> others = names();
        others.remove(entry.name());
        String problem = ToolNames.problem(now, others);
        if (!problem.isEmpty()) {
            entry.refuseName(problem);
            return false;
        }
        String old = entry.name();
        entry.rename(now);
        if (choice.get().choice() != null && old.equals(choice.get().choice().function())) {
            choice.set(ToolChoiceOption.of(ToolChoice.named(now)));
        }
        changed();
        return true;
    }

    public void choose(ToolChoiceOption option) {
        choice.set(option == null ? ToolChoiceOption.NOT_SENT : option);
    }

    public void setParallel(Boolean on) { parallel.set(on); }

    /** The canned result saved with the function of that name, for a tool call's card. */
    public Optional<String> cannedResult(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst()
                .map(t -> t.cannedResultProperty().get()).filter(s -> !s.isEmpty());
    }

    /** Reads the API's {@code tools} array from {@code file} (off the FX thread) and puts it in place of the list. */
    public void importFrom(Path file) {
        background.execute(() -> {
            try {
                List<Tool> read = ToolsJson.read(Files.readString(file, StandardCharsets.UTF_8));
                String problem = namesProblem(read);
                ui.run(() -> {
                    if (!problem.isEmpty()) {
                        message.set(file.getFileName() + ": " + problem);
                        return;
                    }
                    replace(read);
                    message.set("Imported " + count(read.size()) + " from " + file.getFileName() + ".");
                });
            } catch (IOException | RuntimeException e) {
                String why = e instanceof IOException ? "cannot be read (" + e.getMessage() + ")" : e.getMessage();
                ui.run(() -> message.set(file.getFileName() + ": " + why));
            }
        });
    }

    /** Writes the functions as the API's {@code tools} array to {@code file}, off the FX thread. */
    public void exportTo(Path file) {
        List<Tool> all = new ArrayList<>();
        for (ToolEntry entry : tools) {
            Tool tool = entry.toTool();
            if (tool == null) {
                message.set("Fix the schema of \"" + entry.name() + "\" before exporting.");
                return;
            }
            all.add(tool);
        }
        String json = ToolsJson.write(all);
        background.execute(() -> {
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8);
                ui.run(() -> message.set("Exported " + count(all.size()) + " to " + file.getFileName() + "."));
            } catch (IOException e) {
                ui.run(() -> message.set(file.getFileName() + " cannot be written (" + e.getMessage() + ")."));
            }
        });
    }

    /** {@code base} with these tools, {@code tool_choice} and {@code parallel_tool_calls} (none of them without tools). */
    public ExtendedParameters applyTo(ExtendedParameters base) {
        List<Tool> sent = tools.stream().map(ToolEntry::toTool).filter(Objects::nonNull).toList();
        if (sent.isEmpty()) return base.withTools(null, null, null);
        return base.withTools(sent, choice.get().choice(), parallel.get());
    }

    /** Shows the tools of {@code extended} (a session or conversation opened); canned results stay by name. */
    public void show(ExtendedParameters extended) {
        replace(extended.tools() == null ? List.of() : extended.tools());
        choice.set(ToolChoiceOption.of(extended.toolChoice()));
        if (!choices.contains(choice.get())) choices.add(choice.get());
        parallel.set(extended.parallelToolCalls());
        message.set("");
    }

    /** A preset's tools take the place of the list; a preset without tools keeps the functions. */
    public void applyPreset(ExtendedParameters preset) {
        if (preset.tools() != null && !preset.tools().isEmpty()) {
            show(preset);
            return;
        }
        resetChoice();
    }

    /** {@code tool_choice} and {@code parallel_tool_calls} left out; the functions stay. */
    public void resetChoice() {
        choice.set(ToolChoiceOption.NOT_SENT);
        parallel.set(null);
        message.set("");
    }

    private void replace(List<Tool> list) {
        Map<String, String> canned = new LinkedHashMap<>();
        tools.forEach(t -> canned.put(t.name(), t.cannedResultProperty().get()));
        List<ToolEntry> entries = new ArrayList<>();
        for (Tool tool : list) {
            ToolEntry entry = watched(ToolEntry.of(tool));
            entry.setCannedResult(canned.get(entry.name()));
            entries.add(entry);
        }
        tools.setAll(entries);
        changed();
    }

    private ToolEntry watched(ToolEntry entry) {
        for (Observable o : List.<Observable>of(entry.descriptionProperty(), entry.strictProperty(),
                entry.parameters().textProperty())) {
            o.addListener(tick);
        }
        entry.cannedResultProperty().addListener(o -> libraryRevision.set(libraryRevision.get() + 1));
        return entry;
    }

    private void changed() {
        refreshChoices();
        List<String> invalid = tools.stream().filter(t -> t.toTool() == null).map(t -> "\"" + t.name() + "\"").toList();
        leftOut.set(invalid.isEmpty() ? "" : String.join(", ", invalid)
                + (invalid.size() == 1 ? " is" : " are") + " left out of the request until the schema is valid.");
        revision.set(revision.get() + 1);
        libraryRevision.set(libraryRevision.get() + 1);
    }

    private void refreshChoices() {
        List<ToolChoiceOption> options = new ArrayList<>(List.of(ToolChoiceOption.NOT_SENT,
                ToolChoiceOption.of(ToolChoice.AUTO), ToolChoiceOption.of(ToolChoice.NONE),
                ToolChoiceOption.of(ToolChoice.REQUIRED)));
        tools.forEach(t -> options.add(ToolChoiceOption.of(ToolChoice.named(t.name()))));
        if (!options.contains(choice.get())) {
            if (choice.get().choice() != null && choice.get().choice().function() != null && !tools.isEmpty()) {
                choice.set(ToolChoiceOption.NOT_SENT); // the named function was removed
            } else {
                options.add(choice.get());
            }
        }
        if (!options.equals(choices)) choices.setAll(options);
    }

    private Set<String> names() {
        Set<String> names = new HashSet<>();
        tools.forEach(t -> names.add(t.name()));
        return names;
    }

    private static String namesProblem(List<Tool> read) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < read.size(); i++) {
            String problem = ToolNames.problem(read.get(i).name(), seen);
            if (!problem.isEmpty()) return "tool " + (i + 1) + ": " + problem;
            seen.add(read.get(i).name());
        }
        return "";
    }

    private static String count(int n) {
        return n == 1 ? "1 function" : n + " functions";
    }
}
