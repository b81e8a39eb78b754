package parley.ui.help;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import parley.store.Settings;
import parley.ui.UiThread;

/**
 * "Log message text": off unless the user switches it on; kept in the settings. The request log
 * reads {@link #on()} from any thread.
 */
final class MessageTextSetting {
    static final String KEY = "log.message_text";

    private final ReadOnlyBooleanWrapper property = new ReadOnlyBooleanWrapper(this, "logMessageText");
    private final Settings settings;
    private final Executor background;
    private volatile boolean on;

    MessageTextSetting(Settings settings, Executor background, UiThread ui) {
        this.settings = settings;
        this.background = background;
        background.execute(() -> {
            boolean stored = settings.getBoolean(KEY, false);
            ui.run(() -> {
                on = stored;
                property.set(stored);
            });
        });
    }

    ReadOnlyBooleanProperty property() { return property.getReadOnlyProperty(); }

    boolean on() { return on; }

    /** Switches message text in the log on or off, and keeps the choice. */
    void set(boolean value) {
        on = value;
        property.set(value);
        background.execute(() -> settings.putBoolean(KEY, value));
    }
}
