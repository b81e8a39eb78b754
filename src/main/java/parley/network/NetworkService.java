package parley.network;

import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import parley.api.Transport;

/**
 * The window's network: reads the stored settings, builds the {@link Transport} from them and the
 * environment, and hands it to whoever makes the clients (the provider client cache). Every method
 * reaches the database, the keyring or a file: call it off the UI thread.
 */
public final class NetworkService {
    /** The stored settings, whether a proxy password is kept, and why they are not in use (null when they are). */
    public record State(NetworkSettings settings, boolean passwordKept, String problem) {}

    private final NetworkSettingsStore store;
    private final Map<String, String> env;
    private final ProxySelector system;
    private final Consumer<Transport> use;

    /** {@code system} is the desktop's proxy selector (may be null); {@code use} receives each new transport. */
    public NetworkService(NetworkSettingsStore store, Map<String, String> env, ProxySelector system, Consumer<Transport> use) {
        this.store = store;
        this.env = Map.copyOf(env);
        this.system = system;
        this.use = use;
    }

    /**
     * Puts the stored settings to use. When they (or the environment) cannot be used, the requests go
     * out with the JDK's defaults and the state says what to change.
     */
    public State start() {
        NetworkSettings settings = store.load();
        String problem = null;
        try {
            use.accept(NetworkSetup.transport(env, settings, store::password, system));
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            use.accept(Transport.JDK_DEFAULT);
        }
        return new State(settings, store.hasPassword(), problem);
    }

    /**
     * Checks the settings (a CA file must be a readable PEM file), stores them, with {@code password}
     * in the keyring when not null (empty forgets it), and puts them to use. {@link IllegalArgumentException}
     * with what to change when they cannot be used; nothing is stored then.
     */
    public State save(NetworkSettings settings, String password) {
        if (!settings.problems().isEmpty()) throw new IllegalArgumentException(String.join(" ", settings.problems()));
        Transport transport = NetworkSetup.transport(env, settings, store::password, system); // checks before storing
        store.save(settings, password);
        use.accept(transport);
        return new State(settings, store.hasPassword(), null);
    }

    /** The proxy variables and CA file of the environment, one per line, for the form to show; empty when none. */
    public List<String> environment() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("https_proxy", "http_proxy", "all_proxy", "no_proxy", NetworkSetup.CA_FILE_ENV)) {
            List.of(name, name.toUpperCase(Locale.ROOT)).stream()
                    .filter(variant -> env.get(variant) != null && !env.get(variant).isBlank())
                    .findFirst() // the lower-case form wins, as it does for the requests
                    .ifPresent(variant -> lines.add(variant + "=" + env.get(variant).strip().replaceAll("//[^@/]*@", "//…@")));
        }
        return lines;
    }

    /** The company's CA file: the setting's, else {@code PARLEY_CA_FILE}'s; null when neither names one. */
    public String caFile() {
        NetworkSettings settings = store.load();
        if (settings.hasCaFile()) return settings.caFile();
        String fromEnv = env.get(NetworkSetup.CA_FILE_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    /** Where the proxy's password is kept, in a sentence. */
    public String passwordStorage() {
        return store.passwordStorage();
    }
}
