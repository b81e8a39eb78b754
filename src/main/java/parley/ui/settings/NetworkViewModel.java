package parley.ui.settings;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import parley.network.NetworkService;
import parley.network.NetworkSettings;
import parley.ui.UiThread;

/**
 * The proxy and CA file the window's requests use: loads and puts the stored settings to use, and
 * saves what the user typed (the password to the keyring). The service's work runs on the
 * background executor; results reach the properties through {@link UiThread}.
 */
public final class NetworkViewModel {
    public enum State { LOADING, IDLE, SAVING }

    private final NetworkService service;
    private final Executor background;
    private final UiThread ui;
    private final Runnable applied;
    private final ReadOnlyObjectWrapper<NetworkSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings", NetworkSettings.NONE);
    private final ReadOnlyBooleanWrapper passwordKept = new ReadOnlyBooleanWrapper(this, "passwordKept");
    private final ReadOnlyStringWrapper environment = new ReadOnlyStringWrapper(this, "environment", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);

    /** {@code applied} runs on the UI thread each time new settings are in use (e.g. to reload the model list). */
    public NetworkViewModel(NetworkService service, Executor background, UiThread ui, Runnable applied) {
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.applied = applied;
    }

    /** The stored settings, as last loaded or saved. */
    public ReadOnlyObjectProperty<NetworkSettings> settingsProperty() { return settings.getReadOnlyProperty(); }
    /** True when the keyring holds a password for the proxy. */
    public ReadOnlyBooleanProperty passwordKeptProperty() { return passwordKept.getReadOnlyProperty(); }
    /** The proxy variables and CA file the environment sets, one per line; empty when none. */
    public ReadOnlyStringProperty environmentProperty() { return environment.getReadOnlyProperty(); }
    /** What happened last, or what to change, in a sentence or two. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    /** Reads the stored settings and puts them to use (then runs {@code applied}, as a save does). */
    public void load() {
        state.set(State.LOADING);
        background.execute(() -> {
            NetworkService.State loaded = service.start();
            String env = String.join("\n", service.environment());
            ui.run(() -> {
                environment.set(env);
                show(loaded, loaded.problem() == null ? "" : loaded.problem());
                applied.run();
            });
        });
    }

    /**
     * Saves the typed settings and puts them to use. {@code password} null or empty keeps the stored
     * one; clearing the user forgets it. Bad input is refused with a message, nothing stored.
     */
    public void save(String host, String port, String user, String password, String caFile) {
        NetworkSettings typed;
        try {
            typed = new NetworkSettings(host, parsePort(host, port), user, caFile);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        if (!typed.problems().isEmpty()) {
            message.set(String.join(" ", typed.problems()));
            return;
        }
        String newPassword = password == null || password.isEmpty() ? null : password;
        state.set(State.SAVING);
        background.execute(() -> {
            try {
                NetworkService.State saved = service.save(typed, newPassword);
                ui.run(() -> {
                    show(saved, describe(saved.settings()));
                    applied.run();
                });
            } catch (RuntimeException e) {
                ui.run(() -> {
                    state.set(State.IDLE);
                    message.set(e.getMessage());
                });
            }
        });
    }

    private void show(NetworkService.State value, String text) {
        settings.set(value.settings());
        passwordKept.set(value.passwordKept());
        message.set(text);
        state.set(State.IDLE);
    }

    private static int parsePort(String host, String port) {
        String p = port == null ? "" : port.strip();
        if (host == null || host.isBlank()) return 0;
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Proxy port: a number from 1 to 65535, e.g. 3128 (was \"" + p + "\").");
        }
    }

    private static String describe(NetworkSettings s) {
        String route = s.hasProxy()
                ? "Saved: requests to providers go through " + s.proxyHost() + ":" + s.proxyPort() + "."
                : "Saved: requests follow the proxy variables or the system's proxy settings.";
        return s.hasCaFile() ? route + " Certificates signed by " + s.caFile() + " are trusted too." : route;
    }
}
