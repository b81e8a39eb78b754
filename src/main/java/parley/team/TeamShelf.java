package parley.team;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What members shared with the team on purpose: conversations, experiments and presets, each kept in
 * the workspace as its export JSON with who shared it, from which computer and when. Sharing the same
 * thing again replaces the team's copy. Every call reaches the workspace: call it off the JavaFX thread;
 * it throws {@link WorkspaceUnavailable} when the workspace is away or read-only.
 */
public final class TeamShelf {
    /** The kinds of things shared, each with its table and the column that names it. */
    public enum Kind {
        CONVERSATION("team_conversation", "id", "title"),
        EXPERIMENT("team_experiment", "id", "name"),
        PRESET("team_preset", "name", "name");

        private final String table;
        private final String key;
        private final String title;

        Kind(String table, String key, String title) {
            this.table = table;
            this.key = key;
            this.title = title;
        }
    }

    /** A shared thing as the team's lists show it (its body is fetched when it is opened). */
    public record SharedItem(Kind kind, String id, String title, String member, String computer, Instant at) {}

    private final Workspace workspace;
    private final String member;
    private final String computer;
    private final Clock clock;

    public TeamShelf(Workspace workspace, String member, String computer, Clock clock) {
        this.workspace = workspace;
        this.member = member;
        this.computer = computer;
        this.clock = clock;
    }

    /** Copies {@code body} (the thing's export JSON) into the workspace under {@code id}, replacing an earlier copy. */
    public void share(Kind kind, String id, String title, String body) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("Nothing to share: save it first.");
        String columns = kind == Kind.PRESET ? "name, body, member, computer, at_ms" : "id, " + kind.title
                + ", body, member, computer, at_ms";
        String values = kind == Kind.PRESET ? "?,?,?,?,?" : "?,?,?,?,?,?";
        String update = (kind == Kind.PRESET ? "" : kind.title + " = EXCLUDED." + kind.title + ", ")
                + "body = EXCLUDED.body, member = EXCLUDED.member, computer = EXCLUDED.computer, at_ms = EXCLUDED.at_ms";
        String sql = "INSERT INTO " + kind.table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT ("
                + kind.key + ") DO UPDATE SET " + update;
        long now = clock.millis();
        workspace.write(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int at = 1;
                st.setString(at++, id);
                if (kind != Kind.PRESET) st.setString(at++, title == null || title.isBlank() ? id : title);
                st.setString(at++, body);
                st.setString(at++, member);
                st.setString(at++, computer);
                st.setLong(at, now);
                return st.executeUpdate();
            }
        });
    }

    /** What the team shared of {@code kind}, newest first. */
    public List<SharedItem> list(Kind kind) {
        String sql = "SELECT " + kind.key + ", " + kind.title + ", member, computer, at_ms FROM " + kind.table
                + " ORDER BY at_ms DESC, " + kind.key;
        return workspace.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                List<SharedItem> items = new ArrayList<>();
                while (rs.next()) {
                    items.add(new SharedItem(kind, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
                return items;
            }
        });
    }

    /** The export JSON of a shared thing; empty when nobody shared it (or it was taken off). */
    public Optional<String> body(Kind kind, String id) {
        String sql = "SELECT body FROM " + kind.table + " WHERE " + kind.key + " = ?";
        return workspace.read(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return Optional.ofNullable(rs.next() ? rs.getString(1) : null);
                }
            }
        });
    }
}
