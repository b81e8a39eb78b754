package parley.ui;

import javafx.application.Platform;

/**
 * The one seam through which results of background work reach the UI. The window uses {@link #FX};
 * view-model tests use {@link #DIRECT}, so they run without sleeps.
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
}
