package parley.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The app's one engine: the model chosen with {@link #select}, run in a {@code parley serve} child
 * started on first use ({@link #running()}), again after it ended by itself (idle) or died, and
 * restarted when another model is chosen. Listeners hear when it starts, is ready and ends, on the
 * thread where that happens. Thread-safe.
 */
public final class EngineHost implements AutoCloseable {
    /** What the engine is doing. */
    public sealed interface Event {
        record Starting(ModelFacts model) implements Event {}
        /** {@code residentBytes}: the child's memory once loaded, empty where the system does not tell. */
        record Ready(ModelFacts model, long pid, Duration loadTime, OptionalLong residentBytes) implements Event {}
        /** {@code expected}: ended by {@link #close}, a model switch or its idle timeout, not a crash. */
        record Ended(ModelFacts model, int exitCode, boolean expected, List<String> lastLines) implements Event {}
    }

    private final EngineCommand command;
    private volatile EngineSettings settings;
    private final LongSupplier freeMemory;
    private final Duration startTimeout;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private ModelFacts selected;
    private EngineProcess process;

    public EngineHost(EngineCommand command, EngineSettings settings, LongSupplier freeMemory, Duration startTimeout) {
        this.command = command;
        this.settings = settings;
        this.freeMemory = freeMemory;
        this.startTimeout = startTimeout;
    }

    /** The host of the app: this runtime's command, the default settings, the memory the OS reports free. */
    public static EngineHost forApp(Path nativesFolder) {
        return new EngineHost(EngineCommand.current(nativesFolder), EngineSettings.DEFAULT, MemoryCheck::available, Duration.ofMinutes(5));
    }

    /** The engine ends after {@code idle} without a request (null: never), from its next start on. */
    public void useIdleTimeout(Duration idle) {
        EngineSettings now = settings;
        settings = new EngineSettings(now.contextSize(), now.threads(), idle);
    }

    public Duration idleTimeout() {
        return settings.idleTimeout();
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /**
     * Chooses the model to run: reads its header, refuses one this engine cannot load or that does not
     * fit in free memory. A running engine with another model is ended; the new one starts on first use.
     */
    public ModelFacts select(Path file) throws GgufException, EngineException {
        ModelFacts facts = ModelFacts.read(file);
        if (!facts.loadable()) {
            throw new EngineException(EngineBuild.unknownArchitecture(file.getFileName().toString(),
                    facts.architecture() == null ? "(none named)" : facts.architecture()), List.of());
        }
        int context = new ServeOptions(file, null, 0, settings.contextSize(), 0, null, null, null, null, false)
                .contextFor(facts.contextLength());
        EngineProcess old;
        synchronized (this) {
            String memory = process != null && process.alive() && process.facts().file().equals(facts.file())
                    ? null : MemoryCheck.problem(facts, context, freeAfterSwitch());
            if (memory != null) {
                throw new EngineException(memory, List.of());
            }
            old = selected != null && selected.file().equals(facts.file()) ? null : process;
            if (old != null) {
                process = null;
            }
            selected = facts;
        }
        if (old != null) {
            old.close();
        }
        return facts;
    }

    public synchronized ModelFacts selected() {
        return selected;
    }

    /** The running engine, started (or started again) when needed; blocks while the model loads. */
    public synchronized EngineProcess running() throws EngineException, InterruptedException {
        if (selected == null) {
            throw new EngineException("no model chosen: choose a .gguf file first", List.of());
        }
        if (process != null && process.alive()) {
            return process;
        }
        ModelFacts model = selected;
        emit(new Event.Starting(model));
        long begun = System.nanoTime();
        EngineProcess started = EngineProcess.start(command, settings, model, startTimeout);
        Duration loadTime = Duration.ofNanos(System.nanoTime() - begun);
        process = started;
        started.onExit().thenAccept(code -> ended(started, code));
        emit(new Event.Ready(model, started.pid(), loadTime, ResidentMemory.of(started.pid())));
        return started;
    }

    /** Ends the engine now (it starts again on next use). */
    public void stop() {
        EngineProcess old;
        synchronized (this) {
            old = process;
            process = null;
        }
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void ended(EngineProcess ended, int code) {
        boolean expected;
        synchronized (this) {
            // not "process != ended": a request may have started the next child before this callback ran
            expected = ended.askedToEnd() || code == 0;
            if (process == ended) {
                process = null;
            }
        }
        emit(new Event.Ended(ended.facts(), code, expected, ended.lastLines()));
    }

    /** The memory free now and what the running engine holds, which a switch gives back. */
    private long freeAfterSwitch() {
        long share = process != null && process.alive() ? process.facts().fileSize() : 0;
        long free = freeMemory.getAsLong();
        return free > Long.MAX_VALUE - share ? Long.MAX_VALUE : free + share;
    }

    private void emit(Event event) {
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                System.getLogger(EngineHost.class.getName()).log(System.Logger.Level.WARNING, "an engine listener failed: " + e);
            }
        }
    }
}
