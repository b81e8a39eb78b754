package parley.prompt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.store.SqlStore;

/**
 * A library of named, versioned prompts in the {@code prompt_version} table of a {@link SqlStore}:
 * the personal one in the local file, a team's in its workspace, in SQL both databases take.
 * Versions of a name count from 1 without gaps; when two savers race for the same number, the
 * primary key keeps one and the other tries again with the next. Every call reaches the database:
 * never on the JavaFX thread.
 */
public final class PromptLibrary {
    public static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_ATTEMPTS = 100;
    private static final String COLUMNS = "name, version, system_text, text, model, params, note, member, computer, at_ms";

    private final SqlStore store;
    private final Author author;
    private final Clock clock;

    public PromptLibrary(SqlStore store, Author author, Clock clock) {
        this.store = store;
        this.author = author;
        this.clock = clock;
    }

    /** What a save did: the version that holds the draft, and whether it is new. */
    public record Saved(PromptVersion version, boolean created) {}

    /**
     * Saves {@code draft} as the next version of {@code name}; when it holds what the newest version
     * already holds (the note aside), nothing is added and that version is returned.
     */
    public Saved save(String name, PromptDraft draft) {
        String checked = checkName(name);
        if (draft.text().isBlank()) throw new IllegalArgumentException("The prompt's text is empty: write the message it sends.");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Saved saved = store.write(c -> trySave(c, checked, draft));
            if (saved != null) return saved;
        }
        throw new IllegalStateException("Could not save " + checked + ": others kept saving it at the same time; try again.");
    }

    /** One attempt in one transaction; null when another saver took the version number first. */
    private Saved trySave(Connection c, String name, PromptDraft draft) throws SQLException {
        Optional<PromptVersion> newest = newest(c, name);
        if (newest.isPresent() && draft.sameContentAs(newest.get())) return new Saved(newest.get(), false);
        PromptVersion next = new PromptVersion(name, newest.map(v -> v.version() + 1).orElse(1), draft.system(),
                draft.text(), draft.model(), draft.params(), draft.note(), author, Instant.ofEpochMilli(clock.millis()));
        return insert(c, next) ? new Saved(next, true) : null;
    }

    /** Adds copies of {@code versions} (in order) after this library's newest version of {@code name}, as they were saved. */
    List<PromptVersion> append(String name, List<PromptVersion> versions) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                return store.write(c -> {
                int number = newest(c, name).map(PromptVersion::version).orElse(0);
                List<PromptVersion> copies = new ArrayList<>();
                for (PromptVersion v : versions) {
                    PromptVersion copy = new PromptVersion(name, ++number, v.system(), v.text(), v.model(), v.params(),
                            v.note(), author, v.savedAt());
                    if (!insert(c, copy)) throw new Collision();
                    copies.add(copy);
                }
                return copies;
                });
            } catch (Collision e) {
                // another saver took a number first: the whole copy was rolled back, so try again after theirs
            }
        }
        throw new IllegalStateException("Could not add to " + name + ": others kept saving it at the same time; try again.");
    }

    /** Another saver took a version number this transaction wanted. */
    private static final class Collision extends RuntimeException {
        Collision() { super(null, null, false, false); }
    }

    /** The newest version of every prompt, by name. */
    public List<PromptVersion> list() {
        return store.read(c -> query(c, "SELECT p." + COLUMNS.replace(", ", ", p.") + " FROM prompt_version p JOIN "
                + "(SELECT name AS n, MAX(version) AS v FROM prompt_version GROUP BY name) m ON p.name = m.n AND p.version = m.v "
                + "ORDER BY p.name"));
    }

    /** The newest version of {@code name}. */
    public Optional<PromptVersion> show(String name) {
        return store.read(c -> newest(c, name));
    }

    /** Version {@code version} of {@code name}. */
    public Optional<PromptVersion> show(String name, int version) {
        return store.read(c -> query(c, "SELECT " + COLUMNS + " FROM prompt_version WHERE name = ? AND version = ?", name, version)
                .stream().findFirst());
    }

    /** Every version of {@code name}, oldest first; empty when there is no such prompt. */
    public List<PromptVersion> history(String name) {
        return store.read(c -> query(c, "SELECT " + COLUMNS + " FROM prompt_version WHERE name = ? ORDER BY version", name));
    }

    /** The differences between two versions of {@code name}; a missing one is refused with the versions there are. */
    public PromptDiff diff(String name, int from, int to) {
        return PromptDiff.between(existing(name, from), existing(name, to));
    }

    /** Version {@code version} of {@code name}, or a message that says which exist. */
    public PromptVersion existing(String name, int version) {
        return show(name, version).orElseThrow(() -> {
            int newest = show(name).map(PromptVersion::version).orElse(0);
            return new IllegalArgumentException(newest == 0 ? "There is no prompt named " + name + "."
                    : name + " has no version " + version + ": it has versions 1 to " + newest + ".");
        });
    }

    public static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) throw new IllegalArgumentException("The prompt's name is empty: give it a name.");
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The prompt's name is " + stripped.length() + " characters long: keep it to "
                    + MAX_NAME_LENGTH + ".");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The prompt's name holds a line break or a control character: write it on one line.");
        }
        return stripped;
    }

    private static Optional<PromptVersion> newest(Connection c, String name) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM prompt_version WHERE name = ? ORDER BY version DESC LIMIT 1", name)
                .stream().findFirst();
    }

    /** Inserts the version; false when that name and number are taken already. */
    private static boolean insert(Connection c, PromptVersion v) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO prompt_version (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (name, version) DO NOTHING")) {
            st.setString(1, v.name());
            st.setInt(2, v.version());
            st.setString(3, v.system());
            st.setString(4, v.text());
            st.setString(5, v.model());
            st.setString(6, PromptParams.json(v.params()));
            st.setString(7, v.note());
            st.setString(8, v.author().member());
            st.setString(9, v.author().computer());
            st.setLong(10, v.savedAt().toEpochMilli());
            return st.executeUpdate() == 1;
        }
    }

    private static List<PromptVersion> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
            try (ResultSet rs = st.executeQuery()) {
                List<PromptVersion> versions = new ArrayList<>();
                while (rs.next()) {
                    versions.add(new PromptVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), PromptParams.parse(rs.getString(6)), rs.getString(7),
                            new Author(rs.getString(8), rs.getString(9)), Instant.ofEpochMilli(rs.getLong(10))));
                }
                return versions;
            }
        }
    }
}
