package parley.team;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import parley.store.SecretStore;
import parley.store.Settings;

/**
 * Where the workspace's address and this member's name are kept: the local settings table. The
 * database password is kept only in the keyring ({@link SecretStore}), under {@link #secretId};
 * where no keyring keeps it, it is read from the environment variable the user named.
 */
public final class TeamSettings {
    static final String URL = "team.url";
    static final String USER = "team.user";
    public static final String MEMBER = "team.member";
    static final String PASSWORD_ENV = "team.password_env";
    /** The keyring entries of workspace passwords start so; the rest names the login, so two data folders on one computer keep theirs apart. */
    static final String SECRET_PREFIX = "team-workspace:";

    private final Settings settings;
    private final SecretStore secrets;

    public TeamSettings(Settings settings, SecretStore secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The workspace this data folder is connected to, if any. */
    public Optional<WorkspaceConfig> load() {
        Optional<String> url = settings.getString(URL);
        Optional<String> member = settings.getString(MEMBER);
        if (url.isEmpty() || member.isEmpty()) return Optional.empty();
        return Optional.of(new WorkspaceConfig(url.get(), settings.getString(USER).orElse(null), member.get(),
                settings.getString(PASSWORD_ENV).orElse(null)));
    }

    /** Keeps the workspace and, when given, its password (in the keyring only). */
    public void save(WorkspaceConfig config, String password) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(URL, config.url());
        entries.put(USER, config.user());
        entries.put(MEMBER, config.member());
        entries.put(PASSWORD_ENV, config.passwordEnv());
        settings.putAll(entries);
        if (password != null && !password.isEmpty()) secrets.put(secretId(config), password);
        else secrets.forget(secretId(config));
    }

    /** The password: from the keyring, else from the named environment variable; null when neither has one. */
    public String password(WorkspaceConfig config, Map<String, String> env) {
        Optional<String> kept = secrets.get(secretId(config));
        if (kept.isPresent()) return kept.get();
        String fromEnv = config.passwordEnv() == null ? null : env.get(config.passwordEnv());
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** True when the keyring keeps the password between runs. */
    public boolean keepsPassword() {
        return secrets.persistent();
    }

    /** Forgets the workspace and its password. */
    public void clear() {
        load().ifPresent(config -> secrets.forget(secretId(config)));
        for (String key : new String[] {URL, USER, MEMBER, PASSWORD_ENV}) settings.remove(key);
    }

    /** The keyring entry of this login's password: the user and the URL (which holds no password). */
    public static String secretId(WorkspaceConfig config) {
        return SECRET_PREFIX + (config.user() == null ? "" : config.user() + "@") + config.url();
    }
}
