package parley.ui;

import javafx.application.Platform;

/**
 * The one seam through which results of background work reach the UI. The window uses {@link #FX};
 * view-model tests use {@link #DIRECT}, so they run without sleeps. Nothing else in the window calls
 * {@link Platform#runLater} (the application class aside): an ArchUnit rule holds that.
 */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    /** Runs on the JavaFX application thread: at once when already there, else later. */
    UiThread FX = action -> {
        if (Platform.isFxApplicationThread()) action.run();
        else Platform.runLater(action);
    };

    /** Runs on the calling thread. */
    UiThread DIRECT = Runnable::run;

    /** Runs on the JavaFX application thread after what is queued there now (e.g. after the next layout). */
    static void later(Runnable action) {
        Platform.runLater(action);
    }
}
