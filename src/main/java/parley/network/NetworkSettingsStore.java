package parley.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import parley.store.SecretStore;
import parley.store.Settings;

/**
 * Keeps the window's network settings: host, port, user and CA file in the settings table, the
 * proxy's password in the secret store (the OS keyring), never in the database or a file. Every
 * method reaches the database or the keyring: call it off the UI thread.
 */
public final class NetworkSettingsStore {
    static final String HOST = "network.proxy_host";
    static final String PORT = "network.proxy_port";
    static final String USER = "network.proxy_user";
    static final String CA_FILE = "network.ca_file";
    /** The secret store's name for the proxy's password. */
    static final String PASSWORD_ID = "network-proxy";

    private final Settings settings;
    private final SecretStore secrets;

    public NetworkSettingsStore(Settings settings, SecretStore secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    public NetworkSettings load() {
        return new NetworkSettings(settings.getString(HOST, ""), settings.getInt(PORT, 0),
                settings.getString(USER, ""), settings.getString(CA_FILE, ""));
    }

    /**
     * Stores the settings; {@code password} replaces the kept one when not null (empty forgets it).
     * The password is also forgotten when no user is set. {@link IllegalArgumentException} with what
     * to change when the settings cannot be used; nothing is stored then.
     */
    public void save(NetworkSettings value, String password) {
        if (!value.problems().isEmpty()) throw new IllegalArgumentException(String.join(" ", value.problems()));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(HOST, blankToNull(value.proxyHost()));
        entries.put(PORT, value.hasProxy() ? Integer.toString(value.proxyPort()) : null);
        entries.put(USER, blankToNull(value.proxyUser()));
        entries.put(CA_FILE, blankToNull(value.caFile()));
        if (value.proxyUser().isEmpty() || (password != null && password.isEmpty())) {
            secrets.forget(PASSWORD_ID);
        } else if (password != null) {
            secrets.put(PASSWORD_ID, password);
        }
        settings.putAll(entries);
    }

    /** The proxy's password, read from the secret store each time. */
    public Optional<String> password() {
        return secrets.get(PASSWORD_ID);
    }

    /** True when a password is kept for the proxy. */
    public boolean hasPassword() {
        return password().isPresent();
    }

    /** Where the password is kept, for the form to say. */
    public String passwordStorage() {
        return secrets.description();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
