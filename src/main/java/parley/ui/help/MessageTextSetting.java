package parley.ui.help;

import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import parley.store.Settings;
import parley.ui.UiThread;

/**
 * "Log message text": off unless the user switches it on; kept in the settings. The request log
 * reads {@link #on()} from any thread.
 */
final class MessageTextSetting {
    static final String KEY = "log.message_text";

    private final BooleanProperty property = new SimpleBooleanProperty(this, "logMessageText");
    private volatile boolean on;

    MessageTextSetting(Settings settings, Executor background, UiThread ui) {
        background.execute(() -> {
            boolean stored = settings.getBoolean(KEY, false);
            ui.run(() -> property.set(stored));
        });
        property.addListener((o, old, now) -> {
            on = now;
            background.execute(() -> settings.putBoolean(KEY, now));
        });
    }

    BooleanProperty property() { return property; }

    boolean on() { return on; }
}
