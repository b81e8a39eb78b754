package parley.ui.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.api.ChatMessage;
import parley.chat.ChatSettings;
import parley.experiment.Check;
import parley.experiment.Experiment;
import parley.experiment.ParamAxis;
import parley.experiment.Prompt;
import parley.experiment.Target;
import parley.ui.params.ParamSpec;

/**
 * The experiment form's state, without controls: the prompt (filled from the chat), the models
 * offered and chosen, the swept parameters, the input rows, repeats, concurrency per provider and
 * checks. Every edit is a command that refuses bad input with a message; {@link #problems()} lists
 * what stops the experiment from being built, {@link #warnings()} what only deserves a look.
 * Used on the FX thread.
 */
public final class ExperimentFormModel {
    /** The parameters an axis can sweep, by their API names. */
    public static final List<ParamSpec> SWEEPABLE = List.of(ParamSpec.TEMPERATURE, ParamSpec.TOP_P, ParamSpec.MAX_TOKENS,
            ParamSpec.FREQUENCY_PENALTY, ParamSpec.PRESENCE_PENALTY,
            new ParamSpec("seed", "Seed", 0, Integer.MAX_VALUE, 100, 1, 1, true, false, "The sampling seed."));
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([\\p{L}\\p{N}_.-]+)\\s*}}");

    private final ReadOnlyStringWrapper system = new ReadOnlyStringWrapper(this, "system", "");
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper(this, "user", "");
    private List<ChatMessage> history = List.of();
    private final ReadOnlyObjectWrapper<Runnable> libraryAction = new ReadOnlyObjectWrapper<>(this, "libraryAction");
    private ChatSettings base = ChatSettings.defaults();
    private final ObservableList<ModelChoice> offered = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> chosen = FXCollections.observableArrayList();
    private final ObservableList<AxisModel> axes = FXCollections.observableArrayList(a -> new Observable[]{a.valuesProperty(), a.messageProperty()});
    private final ObservableList<ModelChoice> chosenView = FXCollections.unmodifiableObservableList(chosen);
    private final ObservableList<AxisModel> axesView = FXCollections.unmodifiableObservableList(axes);
    private final InputTable inputs = new InputTable();
    private final ReadOnlyIntegerWrapper repeats = new ReadOnlyIntegerWrapper(this, "repeats", 1);
    private final ReadOnlyIntegerWrapper concurrency = new ReadOnlyIntegerWrapper(this, "concurrency", Experiment.DEFAULT_CONCURRENCY);
    private final ReadOnlyStringWrapper countsMessage = new ReadOnlyStringWrapper(this, "countsMessage", "");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper cellCount = new ReadOnlyIntegerWrapper(this, "cellCount", 0);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    public ExperimentFormModel() {
        Runnable update = this::update;
        for (Observable o : List.<Observable>of(system, user, chosen, axes, inputs.columns(), inputs.rows(), repeats)) {
            o.addListener(x -> update.run());
        }
        update();
    }

    public ReadOnlyStringProperty systemProperty() { return system.getReadOnlyProperty(); }
    public ReadOnlyStringProperty userProperty() { return user.getReadOnlyProperty(); }
    public List<ChatMessage> history() { return history; }
    public ChatSettings base() { return base; }
    /** Models the check list offers (the chat's and the listed ones of each provider seen). */
    public ObservableList<ModelChoice> offered() { return offered; }
    /** The checked models, in the order they were checked. */
    public ObservableList<ModelChoice> chosen() { return chosenView; }
    public ObservableList<AxisModel> axes() { return axesView; }
    public InputTable inputs() { return inputs; }
    public ReadOnlyIntegerProperty repeatsProperty() { return repeats.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty concurrencyProperty() { return concurrency.getReadOnlyProperty(); }
    /** Why the last repeats or concurrency text was refused; empty when accepted. */
    public ReadOnlyStringProperty countsMessageProperty() { return countsMessage.getReadOnlyProperty(); }
    public ObservableList<Check> checks() { return checks; }
    public ReadOnlyIntegerProperty cellCountProperty() { return cellCount.getReadOnlyProperty(); }
    public ObservableList<String> problems() { return problems; }
    public ObservableList<String> warnings() { return warnings; }

    /**
     * Fills the form from the chat: the request its composer would send now ({@code messages}: the
     * system message, the conversation so far and the last user message), its settings, and the model
     * it uses, which becomes the one checked model.
     */
    public void fillFrom(ChatSettings settings, List<ChatMessage> messages, ModelChoice current) {
        base = settings;
        List<ChatMessage> rest = new ArrayList<>(messages);
        String sys = settings.systemPrompt() == null ? "" : settings.systemPrompt();
        if (!rest.isEmpty() && ChatMessage.SYSTEM.equals(rest.getFirst().role())) sys = text(rest.removeFirst());
        String last = "";
        if (!rest.isEmpty() && ChatMessage.USER.equals(rest.getLast().role())) last = text(rest.removeLast());
        history = List.copyOf(rest);
        system.set(sys);
        user.set(last);
        offer(List.of(current));
        chosen.setAll(current);
    }

    public void setSystem(String text) { system.set(text == null ? "" : text); }

    /** Takes a library prompt: its system text and text, as a plain prompt (no earlier messages). */
    public void usePrompt(String systemText, String text) {
        history = List.of();
        system.set(systemText == null ? "" : systemText);
        user.set(""); // the history's note follows the user text: a change to it refreshes the note
        user.set(text == null ? "" : text);
    }

    /** Offers "From the library…" beside the prompt; {@code action} picks a library prompt. */
    public void offerLibrary(Runnable action) { libraryAction.set(action); }

    public ReadOnlyObjectProperty<Runnable> libraryActionProperty() { return libraryAction.getReadOnlyProperty(); }
    public void setUser(String text) { user.set(text == null ? "" : text); }

    /** Adds models to the offer (a provider's list arrived); checked ones stay. */
    public void offer(List<ModelChoice> choices) {
        for (ModelChoice c : choices) {
            if (offered.stream().noneMatch(o -> o.target().equals(c.target()))) offered.add(c);
        }
    }

    /** The check list's state: these models, in this order. */
    public void choose(List<ModelChoice> models) {
        if (!chosen.equals(models)) chosen.setAll(models);
    }

    /** Sweeps another parameter (one axis per parameter); returns its axis. */
    public AxisModel addAxis(ParamSpec spec) {
        for (AxisModel a : axes) if (a.spec().key().equals(spec.key())) return a;
        AxisModel axis = new AxisModel(spec);
        axes.add(axis);
        return axis;
    }

    public void removeAxis(AxisModel axis) { axes.remove(axis); }

    public boolean setRepeats(String text) { return setCount(repeats, "Repeats", text, 100); }

    public boolean setConcurrency(String text) { return setCount(concurrency, "Concurrency per provider", text, 64); }

    /** Adds a check from the small editor; a refusal says what to change and adds nothing. */
    public String addCheck(CheckKind kind, String text) {
        try {
            checks.add(kind.make(text));
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Adds a judge check: {@code judge} scores each reply against the rubric, passing at {@code passMark} (1–5). */
    public String addJudge(ModelChoice judge, String rubric, int passMark) {
        if (judge == null) return "Choose the model that judges the replies.";
        if (rubric == null || rubric.isBlank()) return "Write the rubric: what a good reply does.";
        if (passMark < 1 || passMark > 5) return "The pass mark is a score from 1 to 5, not " + passMark + ".";
        checks.add(new Check.Judge(judge.target(), rubric.strip(), passMark));
        return "";
    }

    /** The {@code {{name}}} variables the prompt uses, in order of first use. */
    public List<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>(List.of(system.get(), user.get()));
        history.forEach(m -> texts.add(text(m)));
        for (String t : texts) {
            Matcher m = VARIABLE.matcher(t);
            while (m.find()) names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /** The experiment the form describes; throws with the first problem while there is one. */
    public Experiment experiment() {
        if (!problems.isEmpty()) throw new IllegalStateException(problems.getFirst());
        List<Target> targets = chosen.stream().map(ModelChoice::target).toList();
        List<ParamAxis> params = axes.stream().map(AxisModel::axis).toList();
        ChatSettings settings = base.withSystemPrompt(system.get().isBlank() ? null : system.get());
        return new Experiment(UUID.randomUUID().toString(), name(), new Prompt(system.get().isBlank() ? null : system.get(), history, user.get()),
                settings, targets, params, inputs.inputRows(), repeats.get(), concurrency.get(), checks, Instant.now());
    }

    private String name() {
        String first = user.get().strip().lines().findFirst().orElse("Experiment");
        return first.length() > 60 ? first.substring(0, 59) + "…" : first;
    }

    private boolean setCount(ReadOnlyIntegerWrapper target, String label, String text, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1 || n > max) throw new NumberFormatException();
            target.set(n);
            countsMessage.set("");
            return true;
        } catch (NumberFormatException e) {
            countsMessage.set(label + " takes a whole number from 1 to " + max + ", not \"" + text.strip() + "\".");
            return false;
        }
    }

    private void update() {
        List<String> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (user.get().isBlank()) found.add("Write the user message the models answer.");
        if (chosen.isEmpty()) found.add("Check at least one model.");
        axes.stream().map(a -> a.messageProperty().get()).filter(m -> !m.isEmpty()).forEach(found::add);
        List<String> used = variables();
        List<String> columns = inputs.columns();
        for (String v : used) {
            if (!columns.contains(v)) found.add("{{" + v + "}} has no column in the inputs: add a column named " + v + ".");
        }
        for (String c : columns) {
            if (!used.contains(c)) notes.add("The inputs' column \"" + c + "\" is used by no {{variable}} in the prompt.");
        }
        if (!used.isEmpty() && inputs.inputRows().isEmpty()) found.add("Add a row of values for " + String.join(", ", used) + ".");
        problems.setAll(found);
        warnings.setAll(notes);
        long cells = (long) Math.max(chosen.size(), 0) * Math.max(inputs.inputRows().size(), 1) * repeats.get();
        for (AxisModel a : axes) cells *= a.valuesProperty().get().size();
        cellCount.set((int) Math.min(cells, Integer.MAX_VALUE));
    }

    private static String text(ChatMessage m) {
        return m.content() == null ? "" : m.content();
    }
}
