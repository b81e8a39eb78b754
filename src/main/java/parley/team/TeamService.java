package parley.team;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import parley.store.Database;
import parley.store.SecretStore;
import parley.store.Settings;

/**
 * This data folder's link to a team workspace: connecting (checking the URL and name, migrating the
 * schema, joining as a member), its status, the queue of ledger rows on their way, and leaving.
 * Every call may reach the network or the disk: call it off the JavaFX thread.
 */
public final class TeamService implements AutoCloseable {
    private final Database database;
    private final TeamSettings settings;
    private final TeamOutbox outbox;
    private final Map<String, String> env;
    private final Clock clock;
    private final Supplier<String> caFile;
    private Workspace workspace;
    private volatile String problem;

    public TeamService(Database database, SecretStore secrets, Map<String, String> env, Clock clock) {
        this(database, secrets, env, clock, () -> null);
    }

    /**
     * The same, with the company's CA file (as for providers; read when the workspace is opened, may
     * give null): it verifies the server when the URL asks for TLS and names no {@code sslrootcert}.
     */
    public TeamService(Database database, SecretStore secrets, Map<String, String> env, Clock clock,
                       Supplier<String> caFile) {
        this.caFile = caFile;
        this.database = database;
        this.settings = new TeamSettings(new Settings(database), secrets);
        this.outbox = new TeamOutbox(database);
        this.env = env;
        this.clock = clock;
    }

    public Optional<WorkspaceConfig> config() {
        return settings.load();
    }

    public TeamOutbox outbox() {
        return outbox;
    }

    /** The workspace this folder is connected to, opened on first use; empty when there is none. */
    public synchronized Optional<Workspace> workspace() {
        if (workspace != null) return Optional.of(workspace);
        Optional<WorkspaceConfig> config = settings.load();
        config.ifPresent(c -> workspace = Workspace.open(c, settings.password(c, env), caFile.get()));
        return Optional.ofNullable(workspace);
    }

    /** What the team shared, through this folder's workspace; empty when it is connected to none. */
    public Optional<TeamShelf> shelf() {
        Optional<String> name = member();
        if (name.isEmpty()) return Optional.empty();
        return workspace().map(w -> new TeamShelf(w, name.get(), Computer.name(), clock));
    }

    /** True when the keyring keeps the workspace's password between runs. */
    public boolean keepsPassword() {
        return settings.keepsPassword();
    }

    /** The member name of this folder in its workspace, if connected. */
    public Optional<String> member() {
        return settings.load().map(WorkspaceConfig::member);
    }

    /**
     * Connects this data folder to the workspace at {@code url} as {@code member}: the schema is brought
     * up to date and the member joins. A password in the URL is taken out of it and kept like one given
     * apart, in the keyring only. Throws {@link IllegalArgumentException} for input to change and
     * {@link WorkspaceUnavailable} when the workspace cannot be reached or refuses.
     */
    public TeamStatus connect(String url, String member, String user, String password, String passwordEnv) {
        JdbcUrls.problem(url).ifPresent(p -> { throw new IllegalArgumentException(p); });
        MemberName.problem(member).ifPresent(p -> { throw new IllegalArgumentException(p); });
        String secret = password != null ? password : JdbcUrls.passwordIn(url.strip()).orElse(null);
        WorkspaceConfig config = new WorkspaceConfig(JdbcUrls.withoutPassword(url.strip()), blankToNull(user),
                member.strip(), blankToNull(passwordEnv));
        try (Workspace candidate = Workspace.open(config, secret, caFile.get())) {
            candidate.prepare();
            join(candidate, config.member());
        }
        synchronized (this) {
            if (workspace != null) workspace.close();
            workspace = null;
        }
        settings.save(config, secret);
        return status();
    }

    /** Leaves the workspace: forgets it and its password; rows still queued are dropped (they stay in the local ledger). */
    public int disconnect() {
        try {
            flush();
        } catch (WorkspaceUnavailable e) {
            // what cannot be sent now stays in the local ledger only
        }
        int dropped = outbox.clear();
        settings.clear();
        synchronized (this) {
            if (workspace != null) workspace.close();
            workspace = null;
        }
        problem = null;
        return dropped;
    }

    /** Sends the queued ledger rows; returns how many. Throws {@link WorkspaceUnavailable} when it cannot (and remembers it). */
    public int flush() {
        Optional<Workspace> open = workspace();
        if (open.isEmpty()) return 0;
        try {
            int sent = new TeamLedgerSync(open.get(), outbox, Computer.name()).flush();
            problem = null;
            return sent;
        } catch (WorkspaceUnavailable e) {
            problem = e.getMessage();
            throw e;
        }
    }

    /** True when the last call to the workspace could not reach it. */
    public boolean offline() {
        return problem != null;
    }

    /** Remembers the outcome of a call made elsewhere to the workspace (null: it worked). */
    public void noteProblem(String message) {
        problem = message;
    }

    /** Where this folder stands: reaches the workspace (sending what is queued) to say. */
    public TeamStatus status() {
        Optional<WorkspaceConfig> config = settings.load();
        if (config.isEmpty()) return TeamStatus.none(outbox.size());
        WorkspaceConfig c = config.get();
        try {
            Workspace open = workspace().orElseThrow();
            SchemaState schema = open.prepare();
            if (!schema.readOnly()) {
                join(open, c.member());
                flush();
            }
            problem = null;
            return new TeamStatus(true, true, c.url(), c.member(), schema.version(), schema.readOnly(), members(open),
                    outbox.size(), schema.readOnly() ? schema.readOnlyMessage() : null);
        } catch (WorkspaceUnavailable e) {
            problem = e.getMessage();
            return new TeamStatus(true, false, c.url(), c.member(), null, false, null, outbox.size(), e.getMessage());
        }
    }

    /** The member names of the workspace, sorted. */
    public static List<String> members(Workspace workspace) {
        return workspace.read(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM team_member ORDER BY name")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                return names;
            }
        });
    }

    private void join(Workspace target, String member) {
        String computer = Computer.name();
        long now = clock.millis();
        int rows = target.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO team_member (name, computer, joined_at_ms, "
                    + "last_seen_ms) VALUES (?,?,?,?) ON CONFLICT (name) DO UPDATE SET last_seen_ms = EXCLUDED.last_seen_ms "
                    + "WHERE team_member.computer = EXCLUDED.computer")) {
                st.setString(1, member);
                st.setString(2, computer);
                st.setLong(3, now);
                st.setLong(4, now);
                return st.executeUpdate();
            }
        });
        if (rows == 0) {
            throw new IllegalArgumentException("The member name '" + member + "' is taken in this workspace by someone on "
                    + "another computer: choose another with --member.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public synchronized void close() {
        if (workspace != null) workspace.close();
        workspace = null;
    }
}
