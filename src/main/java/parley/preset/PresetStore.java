package parley.preset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.store.Database;
import parley.store.Migration;
import parley.store.StoreException;

/** Named parameter sets in the database: save, load, rename, delete. */
public final class PresetStore {
    public static final int MAX_NAME_LENGTH = 60;
    /** The presets' schema step; its version and SQL are in users' files already and never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(4,
            "CREATE TABLE presets (name TEXT PRIMARY KEY COLLATE NOCASE,"
            + " body TEXT NOT NULL, updated_at INTEGER NOT NULL)"));

    private final Database database;

    public PresetStore(Database database) {
        this.database = database;
    }

    /** The names of every preset, alphabetically. */
    public List<String> names() {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT name FROM presets ORDER BY name COLLATE NOCASE");
                 ResultSet rs = st.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) names.add(rs.getString(1));
                return names;
            }
        });
    }

    public Optional<ParameterSet> load(String name) {
        String body = database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT body FROM presets WHERE name = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (body == null) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readValue(body, ParameterSet.class));
        } catch (JsonProcessingException e) {
            throw new StoreException("The preset \"" + name + "\" could not be read (" + e.getOriginalMessage()
                    + "): save it again or delete it.", e);
        }
    }

    /** Saves under {@code name}, replacing a preset of that name. */
    public void save(String name, ParameterSet set) {
        String checked = checkName(name);
        String body = write(set);
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO presets(name, body, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET name = excluded.name, body = excluded.body,"
                    + " updated_at = excluded.updated_at")) {
                st.setString(1, checked);
                st.setString(2, body);
                st.setLong(3, System.currentTimeMillis());
                return st.executeUpdate();
            }
        });
    }

    /** Renames a preset; refuses a name another preset already has. */
    public void rename(String from, String to) {
        String checked = checkName(to);
        database.write(c -> {
            if (!checked.equalsIgnoreCase(from) && exists(c, checked)) {
                throw new IllegalArgumentException("A preset named \"" + checked + "\" exists already: pick another name.");
            }
            try (PreparedStatement st = c.prepareStatement("UPDATE presets SET name = ? WHERE name = ?")) {
                st.setString(1, checked);
                st.setString(2, from);
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("There is no preset named \"" + from + "\".");
                }
            }
            return null;
        });
    }

    public boolean delete(String name) {
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM presets WHERE name = ?")) {
                st.setString(1, name);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** The name stripped; {@link IllegalArgumentException} with what to change when it cannot be used. */
    public static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) throw new IllegalArgumentException("Give the preset a name.");
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A preset name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return stripped;
    }

    private static boolean exists(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM presets WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A preset as JSON, as it is stored (e.g. to share it with a team). */
    public static String toJson(ParameterSet set) {
        return write(set);
    }

    /** A preset from its JSON; {@link IllegalArgumentException} saying what is wrong when it cannot be read. */
    public static ParameterSet fromJson(String body, String name) {
        try {
            ParameterSet set = Json.MAPPER.readValue(body, ParameterSet.class);
            if (set == null) throw new IllegalArgumentException("The preset \"" + name + "\" is empty.");
            return set;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The preset \"" + name + "\" could not be read (" + e.getOriginalMessage()
                    + "): ask whoever shared it to share it again.", e);
        }
    }

    private static String write(ParameterSet set) {
        try {
            return Json.MAPPER.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The preset cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Made at first use, not when the schema step is read: the database opens before the window without Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }
}
