package parley.ui.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.util.Duration;
import parley.store.Settings;
import parley.ui.UiThread;

/**
 * Keeps the Tools panel's functions, with their canned results, from one run to the next: restored
 * when the window opens (read on {@code background}, applied through {@code ui}), written on
 * {@code background} a moment after a change settles.
 */
final class ToolsMemory {
    static final String KEY = "tools.library";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Settings settings;
    private final Executor background;
    private final UiThread ui;
    private final PauseTransition settle = new PauseTransition(Duration.millis(400));

    ToolsMemory(Settings settings, Executor background, UiThread ui) {
        this.settings = settings;
        this.background = background;
        this.ui = ui;
    }

    void keep(ToolsViewModel tools) {
        background.execute(() -> {
            var saved = read();
            ui.run(() -> {
                saved.ifPresent(tools::restore);
                settle.setOnFinished(e -> save(tools.library()));
                tools.libraryRevision().addListener((Observable o) -> settle.playFromStart());
            });
        });
    }

    /** Stops waiting to save (the window is closing). */
    void stop() {
        settle.stop();
    }

    private java.util.Optional<List<SavedTool>> read() {
        return settings.getString(KEY).flatMap(json -> {
            try {
                return java.util.Optional.of(JSON.readValue(json, new TypeReference<List<SavedTool>>() {}));
            } catch (JsonProcessingException e) {
                return java.util.Optional.empty(); // an unreadable list is replaced by the next save
            }
        });
    }

    private void save(List<SavedTool> library) {
        try {
            String json = JSON.writeValueAsString(library);
            background.execute(() -> settings.putString(KEY, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
