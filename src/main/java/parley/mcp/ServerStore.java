package parley.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import parley.log.LogSecrets;
import parley.store.Database;
import parley.store.Migration;
import parley.store.SecretStore;
import parley.store.StoreException;

/**
 * The MCP servers of the settings: the {@code mcp_servers} table holds each server's command, URL
 * and the <em>names</em> of its environment variables and headers; their values are secrets, kept
 * per server in the {@link SecretStore} (the keyring) and remembered by {@link LogSecrets} when read,
 * so the log masks them. Calls touch the database and the keyring: never on the JavaFX thread.
 */
public final class ServerStore {
    /** The servers' schema step; its version and SQL are in users' files once published and never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(7,
            "CREATE TABLE mcp_servers (name TEXT PRIMARY KEY COLLATE NOCASE, enabled INTEGER NOT NULL,"
            + " command TEXT, args TEXT NOT NULL, url TEXT, env_names TEXT NOT NULL, header_names TEXT NOT NULL,"
            + " added_at INTEGER NOT NULL)"));
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, String>>> SECRETS = new TypeReference<>() {};

    private final Database database;
    private final Supplier<SecretStore> secrets;

    /** {@code secrets} is asked on first use (opening a keyring can take seconds). */
    public ServerStore(Database database, Supplier<SecretStore> secrets) {
        this.database = database;
        this.secrets = memoize(secrets);
    }

    /** Every server, in the order they were added, with their secrets. */
    public List<ServerConfig> all() {
        List<Row> rows = database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT name, enabled, command, args, url, env_names,"
                    + " header_names FROM mcp_servers ORDER BY added_at, name");
                 ResultSet rs = st.executeQuery()) {
                List<Row> found = new ArrayList<>();
                while (rs.next()) found.add(row(rs));
                return found;
            }
        });
        return rows.stream().map(this::withSecrets).toList();
    }

    public Optional<ServerConfig> find(String name) {
        return all().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Adds the server, or replaces the one of that name (its place in the list kept). */
    public void save(ServerConfig server) {
        storeSecrets(server);
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO mcp_servers(name, enabled, command, args, url,"
                    + " env_names, header_names, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                    + " name = excluded.name, enabled = excluded.enabled, command = excluded.command, args = excluded.args,"
                    + " url = excluded.url, env_names = excluded.env_names, header_names = excluded.header_names")) {
                st.setString(1, server.name());
                st.setInt(2, server.enabled() ? 1 : 0);
                st.setString(3, server.command());
                st.setString(4, json(server.args()));
                st.setString(5, server.url());
                st.setString(6, json(List.copyOf(server.env().keySet())));
                st.setString(7, json(List.copyOf(server.headers().keySet())));
                st.setLong(8, System.currentTimeMillis());
                return st.executeUpdate();
            }
        });
    }

    /** Removes the server and its secrets; false when there was none of that name. */
    public boolean remove(String name) {
        boolean hadSecretsBefore = hadSecrets(name);
        int removed = database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM mcp_servers WHERE name = ?")) {
                st.setString(1, name);
                return st.executeUpdate();
            }
        });
        if (removed > 0 && hadSecretsBefore) secrets.get().forget(secretId(name));
        return removed > 0;
    }

    /** True when secrets outlive this run (the keyring answers). */
    public boolean secretsKept() {
        return secrets.get().persistent();
    }

    /** A sentence for the user on where the secrets are kept. */
    public String secretsDescription() {
        return secrets.get().description();
    }

    private ServerConfig withSecrets(Row row) {
        boolean hasSecrets = !row.envNames().isEmpty() || !row.headerNames().isEmpty();
        Map<String, Map<String, String>> stored = hasSecrets ? readSecrets(row.name()) : Map.of();
        return new ServerConfig(row.name(), row.enabled(), row.command(), row.args(),
                values(row.envNames(), stored.get("env")), row.url(), values(row.headerNames(), stored.get("headers")));
    }

    private static Map<String, String> values(List<String> names, Map<String, String> stored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String value = stored == null ? null : stored.get(name);
            LogSecrets.remember(value);
            values.put(name, value == null ? "" : value);
        }
        return values;
    }

    private Map<String, Map<String, String>> readSecrets(String name) {
        Optional<String> stored = secrets.get().get(secretId(name));
        if (stored.isEmpty()) return Map.of();
        try {
            return Json.MAPPER.readValue(stored.get(), SECRETS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private void storeSecrets(ServerConfig server) {
        String id = secretId(server.name());
        if (server.env().isEmpty() && server.headers().isEmpty()) {
            if (hadSecrets(server.name())) secrets.get().forget(id);
            return;
        }
        server.env().values().forEach(LogSecrets::remember);
        server.headers().values().forEach(LogSecrets::remember);
        secrets.get().put(id, json(Map.of("env", server.env(), "headers", server.headers())));
    }

    private boolean hadSecrets(String name) {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM mcp_servers WHERE name = ?"
                    + " AND (env_names <> '[]' OR header_names <> '[]')")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The keyring entry of a server's secrets; names are case-insensitive like the table's key. */
    static String secretId(String name) {
        return "mcp-server:" + name.toLowerCase(java.util.Locale.ROOT);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String name, boolean enabled, String command, List<String> args, String url,
                       List<String> envNames, List<String> headerNames) {}

    private static Row row(ResultSet rs) throws SQLException {
        try {
            return new Row(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), Json.MAPPER.readValue(rs.getString(4), STRINGS),
                    rs.getString(5), Json.MAPPER.readValue(rs.getString(6), STRINGS), Json.MAPPER.readValue(rs.getString(7), STRINGS));
        } catch (JsonProcessingException e) {
            throw new StoreException("The MCP server \"" + rs.getString(1) + "\" could not be read (" + e.getOriginalMessage()
                    + "): remove it and add it again.", e);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }

    /** Made at first use, not when the schema step is read: the database opens before the window without Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
