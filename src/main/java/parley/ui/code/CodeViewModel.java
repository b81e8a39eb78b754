package parley.ui.code;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.codegen.CodeGenerator;
import parley.codegen.CodeLanguages;
import parley.codegen.CodeRequest;
import parley.codegen.SnippetFiles;
import parley.ui.UiThread;

/**
 * The code panel's state: the chosen language and the snippet for the request on screen. The
 * snippet is generated off the FX thread, a short while after the last change ({@link #refresh()}),
 * and only the newest result is shown.
 */
public final class CodeViewModel {
    /** EMPTY: nothing to show yet; READY: {@link #codeProperty()} holds the snippet; ERROR: see {@link #messageProperty()}. */
    public enum State { EMPTY, READY, ERROR }

    public static final Duration DEFAULT_DELAY = Duration.ofMillis(200);

    private final Supplier<CodeRequest> source;
    private final Executor background;
    private final UiThread ui;
    private final Duration delay;
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyObjectWrapper<CodeGenerator> language =
            new ReadOnlyObjectWrapper<>(this, "language", CodeLanguages.all().getFirst());
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper(this, "code", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);

    /**
     * @param source     the request on screen, read on the FX thread at each refresh; it may throw
     *                   IllegalArgumentException with a one-line message when the settings are incomplete
     * @param background where snippets are generated and files written
     * @param delay      quiet time after the last change before generating (ZERO in tests)
     */
    public CodeViewModel(Supplier<CodeRequest> source, Executor background, UiThread ui, Duration delay) {
        this.source = source;
        this.background = background;
        this.ui = ui;
        this.delay = delay;
    }

    public List<CodeGenerator> languages() { return CodeLanguages.all(); }
    public ReadOnlyObjectProperty<CodeGenerator> languageProperty() { return language.getReadOnlyProperty(); }
    public ReadOnlyStringProperty codeProperty() { return code.getReadOnlyProperty(); }
    /** Why there is no snippet (e.g. "no model chosen"), empty otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** A short confirmation or failure of the last Copy or Save ("Copied", "Saved to …"). */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /** The file name offered by Save as…, e.g. main.py. */
    public String suggestedFileName() { return language.get().fileName(); }

    public void selectLanguage(CodeGenerator generator) {
        if (generator != null && generator != language.get()) {
            language.set(generator);
            refresh();
        }
    }

    public boolean selectLanguage(String id) {
        return CodeLanguages.find(id).map(g -> { selectLanguage(g); return true; }).orElse(false);
    }

    /** Call whenever the request, the provider or the conversation changed. */
    public void refresh() {
        long mine = generation.incrementAndGet();
        CodeGenerator generator = language.get();
        CodeRequest request;
        try {
            request = source.get();
        } catch (IllegalArgumentException e) {
            show(State.ERROR, "", e.getMessage());
            return;
        }
        if (request == null) {
            show(State.EMPTY, "", "");
            return;
        }
        Executor later = delay.isZero() ? background
                : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, background);
        later.execute(() -> {
            if (generation.get() != mine) return;
            String text;
            try {
                text = generator.generate(request);
            } catch (IllegalArgumentException e) {
                ui.run(() -> { if (generation.get() == mine) show(State.ERROR, "", e.getMessage()); });
                return;
            }
            ui.run(() -> { if (generation.get() == mine) show(State.READY, text, ""); });
        });
    }

    /** The view put the code on the clipboard. */
    public void copied() {
        notice.set("Copied to the clipboard");
    }

    public void clearNotice() {
        notice.set("");
    }

    /** Writes the snippet shown now to the file, off the FX thread. */
    public void saveTo(Path file) {
        String text = code.get();
        if (text.isEmpty() || file == null) return;
        background.execute(() -> {
            String result;
            try {
                SnippetFiles.save(file, text);
                result = "Saved to " + file.getFileName();
            } catch (IllegalStateException e) {
                result = e.getMessage();
            }
            String shown = result;
            ui.run(() -> notice.set(shown));
        });
    }

    private void show(State newState, String text, String why) {
        code.set(text);
        message.set(why == null ? "" : why);
        state.set(newState);
    }
}
