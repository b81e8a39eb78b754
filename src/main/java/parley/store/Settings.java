package parley.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key/value settings in the database. Values are stored as text and read back typed; a value
 * that does not parse as the asked type reads as absent, so a damaged entry falls back to the
 * caller's default instead of failing.
 */
public final class Settings {
    /** The settings' schema step; its version and SQL are in users' files already and never change. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));

    private final Database database;

    public Settings(Database database) {
        this.database = database;
    }

    public Optional<String> getString(String key) {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public String getString(String key, String fallback) {
        return getString(key).orElse(fallback);
    }

    public Optional<Integer> getInt(String key) {
        return getString(key).flatMap(v -> parse(() -> Integer.valueOf(v.trim())));
    }

    public int getInt(String key, int fallback) {
        return getInt(key).orElse(fallback);
    }

    public Optional<BigDecimal> getDecimal(String key) {
        return getString(key).flatMap(v -> parse(() -> new BigDecimal(v.trim())));
    }

    public Optional<Boolean> getBoolean(String key) {
        return getString(key).flatMap(v -> switch (v.trim()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    public boolean getBoolean(String key, boolean fallback) {
        return getBoolean(key).orElse(fallback);
    }

    public void putString(String key, String value) {
        if (value == null) {
            remove(key);
            return;
        }
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                st.setString(1, key);
                st.setString(2, value);
                return st.executeUpdate();
            }
        });
    }

    public void putInt(String key, int value) {
        putString(key, Integer.toString(value));
    }

    public void putBoolean(String key, boolean value) {
        putString(key, Boolean.toString(value));
    }

    /** Stores all entries in one transaction; a null value removes its key. */
    public void putAll(Map<String, String> entries) {
        database.write(c -> {
            try (PreparedStatement put = c.prepareStatement(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    if (e.getValue() == null) {
                        delete.setString(1, e.getKey());
                        delete.executeUpdate();
                    } else {
                        put.setString(1, e.getKey());
                        put.setString(2, e.getValue());
                        put.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** Every entry whose key starts with {@code prefix}, in key order. */
    public Map<String, String> withPrefix(String prefix) {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key")) {
                st.setInt(1, prefix.length());
                st.setString(2, prefix);
                Map<String, String> found = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                return found;
            }
        });
    }

    public void remove(String key) {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                st.setString(1, key);
                return st.executeUpdate();
            }
        });
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
