package parley.ui.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import parley.engine.EngineException;
import parley.engine.EngineHost;
import parley.engine.EngineSettings;
import parley.engine.FoundModel;
import parley.engine.GgufException;
import parley.engine.ModelFacts;
import parley.ui.UiThread;

/**
 * The panel "This computer": the GGUF files found here, the one chosen, and what its engine is doing.
 * Choosing a file checks it, makes it the chat's model and starts loading it; a crash shows the
 * engine's last lines and offers Restart. Work runs on {@code background}, state changes on the FX thread.
 */
public final class EngineViewModel {
    /** What the engine is doing. */
    public enum State { NONE, LOADING, READY, STOPPED, CRASHED, REFUSED }

    private final EngineHost host;
    private final Supplier<List<FoundModel>> finder;
    private final Consumer<ModelFacts> useModel;
    private final Remembered remembered;
    private final Executor background;
    private final UiThread ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a .gguf file to run it on this computer, without a server.");
    private final ReadOnlyStringWrapper lastLines = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper idleMinutes = new ReadOnlyIntegerWrapper((int) EngineSettings.DEFAULT_IDLE.toMinutes());
    private final ObservableList<FoundModel> found = FXCollections.observableArrayList();
    private final ObservableList<FoundModel> foundView = FXCollections.unmodifiableObservableList(found);
    private long generation;

    /** Where the model last chosen (so that a chat restored with it finds it again) and the idle time are kept. */
    public interface Remembered {
        java.util.Optional<Path> load();

        void save(Path file);

        OptionalInt idleMinutes();

        void saveIdleMinutes(int minutes);
    }

    /** {@code useModel} makes a chosen model the chat's (on the FX thread). */
    public EngineViewModel(EngineHost host, Supplier<List<FoundModel>> finder, Consumer<ModelFacts> useModel,
                           Remembered remembered, Executor background, UiThread ui) {
        this.host = host;
        this.remembered = remembered;
        this.finder = finder;
        this.useModel = useModel;
        this.background = background;
        this.ui = ui;
        host.addListener(event -> ui.run(() -> show(event)));
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastLinesProperty() { return lastLines.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty idleMinutesProperty() { return idleMinutes.getReadOnlyProperty(); }

    /** Ends the engine after that many minutes without a message (0: never), from its next start; remembered. */
    public void setIdleMinutes(int minutes) {
        if (minutes < 0 || minutes == idleMinutes.get()) return;
        useIdleMinutes(minutes);
        background.execute(() -> remembered.saveIdleMinutes(minutes));
    }

    private void useIdleMinutes(int minutes) {
        idleMinutes.set(minutes);
        host.useIdleTimeout(minutes == 0 ? null : Duration.ofMinutes(minutes));
    }
    public ObservableList<FoundModel> found() { return foundView; }

    /** Chooses the model of the last run again, without loading it: it loads with the first message. */
    public void restoreLast() {
        background.execute(() -> remembered.idleMinutes().ifPresent(m -> ui.run(() -> useIdleMinutes(m))));
        background.execute(() -> remembered.load().filter(java.nio.file.Files::isRegularFile).ifPresent(file -> {
            try {
                ModelFacts facts = host.select(file);
                ui.run(() -> status.set(facts.alias() + " is chosen; it loads with the first message."));
            } catch (GgufException | EngineException e) {
                // the file changed since: the user chooses again
            }
        }));
    }

    /** Looks for GGUF files on this computer again. */
    public void refresh() {
        long mine = ++generation;
        background.execute(() -> {
            List<FoundModel> models = finder.get();
            ui.run(() -> { if (mine == generation) found.setAll(models); });
        });
    }

    /** Checks the file, makes it the chat's model and loads it; a refusal is shown with its reason. */
    public void choose(Path file) {
        status.set("Reading " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                ModelFacts facts = host.select(file);
                ui.run(() -> useModel.accept(facts));
                remembered.save(file);
                host.running();
            } catch (GgufException | EngineException e) {
                ui.run(() -> refuse(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Starts the engine again after it crashed or stopped. */
    public void restart() {
        background.execute(() -> {
            try {
                host.running();
            } catch (EngineException e) {
                ui.run(() -> refuse(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** One line for a found model: its name, where, and its facts. */
    public static String describe(FoundModel m) {
        if (m.facts() == null) {
            return m.name() + " · " + m.source() + " · unreadable: " + m.problem();
        }
        ModelFacts f = m.facts();
        String facts = String.join(" · ", nonNull(f.architecture(), f.parameters(), f.quantization(),
                f.contextLength() == null ? null : f.contextLength() + " tokens", megabytes(f.fileSize())));
        return m.name() + " · " + m.source() + " · " + facts + (m.runnable() ? "" : " · needs Ollama or llama-server");
    }

    private void show(EngineHost.Event event) {
        switch (event) {
            case EngineHost.Event.Starting s -> set(State.LOADING, "Loading " + s.model().alias() + "…", "");
            case EngineHost.Event.Ready r -> set(State.READY, "Ready: " + r.model().alias() + " runs on this computer ("
                    + String.join(", ", nonNull(r.model().architecture(), r.model().parameters(), r.model().quantization()))
                    + "); loaded in " + String.format(Locale.ROOT, "%.1f s", r.loadTime().toMillis() / 1000.0)
                    + (r.residentBytes().isPresent() ? ", " + megabytes(r.residentBytes().getAsLong()) + " in memory" : "")
                    + ".", "");
            case EngineHost.Event.Ended e when e.expected() -> set(State.STOPPED,
                    e.model().alias() + " is unloaded; it loads again with the next message.", "");
            case EngineHost.Event.Ended e -> set(State.CRASHED, "The engine running " + e.model().alias()
                    + " stopped (exit code " + e.exitCode() + "). Its last lines are below.", String.join("\n", e.lastLines()));
        }
    }

    private void refuse(Exception e) {
        String lines = e instanceof EngineException ee ? String.join("\n", ee.lastLines()) : "";
        set(State.REFUSED, e.getMessage(), lines);
    }

    private void set(State s, String text, String lines) {
        state.set(s);
        status.set(text);
        lastLines.set(lines);
    }

    private static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, bytes >= 1L << 30 ? "%.1f GB" : "%.0f MB",
                bytes >= 1L << 30 ? bytes / (double) (1L << 30) : Math.max(1, bytes / (double) (1L << 20)));
    }
}
