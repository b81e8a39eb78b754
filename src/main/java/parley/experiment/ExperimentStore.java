package parley.experiment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import parley.history.ConversationStore;
import parley.history.SearchHit;
import parley.store.Database;

/**
 * Saved experiments in the database ({@link ExperimentSchema}): the definition, saved before the
 * first cell runs, and each cell's result, saved (or replaced) as the cell ends, so an experiment
 * stopped or cut off half-way is kept with what arrived. Calls touch the database: never on the
 * JavaFX thread.
 */
public final class ExperimentStore {
    private static final String ENDED = "'COMPLETED', 'TRUNCATED', 'FAILED', 'STOPPED'";
    private static final String UPSERT_RESULT = upsertResult();

    private final Database database;
    private final Clock clock;
    private final Supplier<Collection<String>> knownKeys;

    public ExperimentStore(Database database) {
        this(database, Clock.systemUTC(), List::of);
    }

    /**
     * {@code knownKeys} gives the user's keys (asked at each save): a key in a prompt, a reply or an
     * error is masked before it is stored ({@link WithoutKeys}).
     */
    public ExperimentStore(Database database, Clock clock, Supplier<Collection<String>> knownKeys) {
        this.database = database;
        this.clock = clock;
        this.knownKeys = knownKeys;
    }

    /**
     * Saves the definition, or replaces the stored one of that id. When the replacement asks for
     * other requests (prompt, base settings or cells changed), the stored results no longer belong
     * to its cells and are removed; a change of name, checks or concurrency keeps them.
     */
    public void saveDefinition(Experiment definition) {
        Experiment experiment = WithoutKeys.experiment(definition, knownKeys.get());
        database.write(c -> {
            Optional<String> stored = definition(c, experiment.id());
            if (stored.isPresent() && !sameRequests(ExperimentJson.readExperiment(stored.get()), experiment)) {
                update(c, "DELETE FROM experiment_cells WHERE experiment_id = ?", experiment.id());
            }
            upsertDefinition(c, experiment);
            return null;
        });
    }

    /** Saves one cell's result, replacing the one it had (a re-run). */
    public void saveResult(String experimentId, CellResult result) {
        CellResult masked = WithoutKeys.result(result, knownKeys.get());
        database.write(c -> {
            upsertResult(c, experimentId, masked);
            return null;
        });
    }

    /** Saves the results of several cells that ended together in one transaction (a run's cells, buffered). */
    public void saveResults(String experimentId, List<CellResult> results) {
        Collection<String> keys = knownKeys.get();
        List<CellResult> masked = results.stream().map(r -> WithoutKeys.result(r, keys)).toList();
        database.write(c -> {
            for (CellResult result : masked) {
                upsertResult(c, experimentId, result);
            }
            return null;
        });
    }

    /**
     * Stores an experiment with its results unless one of its id is stored already (an import seen
     * before); all of it or nothing. Returns whether it was added.
     */
    public boolean insertIfAbsent(SavedExperiment saved) {
        Collection<String> keys = knownKeys.get();
        return database.write(c -> {
            if (definition(c, saved.experiment().id()).isPresent()) {
                return false;
            }
            upsertDefinition(c, WithoutKeys.experiment(saved.experiment(), keys));
            for (CellResult result : saved.results()) {
                upsertResult(c, saved.experiment().id(), WithoutKeys.result(result, keys));
            }
            return true;
        });
    }

    /** Sets (or with null clears) a cell's rating; false when that cell has no stored result. */
    public boolean setRating(String experimentId, int cell, Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new IllegalArgumentException("A rating is 1 to 5 (thumbs down 1, thumbs up 5), not " + rating + ".");
        }
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE experiment_cells SET rating = ? WHERE experiment_id = ? AND cell = ?")) {
                if (rating == null) {
                    st.setNull(1, Types.INTEGER);
                } else {
                    st.setInt(1, rating);
                }
                st.setString(2, experimentId);
                st.setInt(3, cell);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** Every saved experiment, the newest first. */
    public List<ExperimentSummary> list() {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT e.id, e.name, e.created_at, e.cell_count,"
                    + " count(r.num), coalesce(sum(r.status IN (" + ENDED + ")), 0),"
                    + " coalesce(sum(r.status = 'FAILED'), 0),"
                    + " coalesce(sum(r.status IN (" + ENDED + ") AND r.cost_usd IS NULL), 0),"
                    + " group_concat(r.cost_usd, ' ')"
                    + " FROM experiments e LEFT JOIN experiment_cells r ON r.experiment_id = e.id"
                    + " GROUP BY e.num ORDER BY e.created_at DESC, e.num DESC");
                 ResultSet rs = st.executeQuery()) {
                List<ExperimentSummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ExperimentSummary(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getInt(4), rs.getInt(6), rs.getInt(7), sum(rs.getString(9)), rs.getInt(8)));
                }
                return out;
            }
        });
    }

    /** The experiment with every stored result, in cell order; empty when no experiment has that id. */
    public Optional<SavedExperiment> load(String experimentId) {
        return database.read(c -> {
            Optional<Experiment> experiment = named(c, experimentId);
            if (experiment.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SavedExperiment(experiment.get(), results(c, experimentId)));
        });
    }

    /** Renames a saved experiment; false when there is none of that id. */
    public boolean rename(String experimentId, String name) {
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("An experiment needs a name: type one.");
        }
        return database.write(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE experiments SET name = ?, updated_at = ? WHERE id = ?")) {
                st.setString(1, cleaned);
                st.setLong(2, clock.millis());
                st.setString(3, experimentId);
                return st.executeUpdate() > 0;
            }
        });
    }

    /** Deletes the experiment and its results; false when there is none of that id. */
    public boolean delete(String experimentId) {
        return database.write(c -> update(c, "DELETE FROM experiments WHERE id = ?", experimentId) > 0);
    }

    /**
     * Experiments whose name or prompt, or one of whose replies, holds every word of {@code query} (a
     * word also matches as the start of a longer one): first the name and prompt matches, then the
     * replies, each best match first, at most {@code limit} in all.
     */
    public List<ExperimentHit> search(String query, int limit) {
        String match = ConversationStore.ftsQuery(query);
        if (match.isEmpty() || limit < 1) {
            return List.of();
        }
        return database.read(c -> {
            List<ExperimentHit> hits = new ArrayList<>();
            hits(c, "SELECT e.id, e.name, NULL, snippet(experiments_fts, -1, ?, ?, '…', 12) FROM experiments_fts"
                    + " JOIN experiments e ON e.num = experiments_fts.rowid"
                    + " WHERE experiments_fts MATCH ? ORDER BY rank LIMIT ?", match, limit, hits);
            hits(c, "SELECT e.id, e.name, r.cell, snippet(experiment_cells_fts, 0, ?, ?, '…', 12)"
                    + " FROM experiment_cells_fts JOIN experiment_cells r ON r.num = experiment_cells_fts.rowid"
                    + " JOIN experiments e ON e.id = r.experiment_id"
                    + " WHERE experiment_cells_fts MATCH ? ORDER BY rank LIMIT ?", match, limit - hits.size(), hits);
            return hits;
        });
    }

    private static void hits(Connection c, String sql, String match, int limit, List<ExperimentHit> into)
            throws SQLException {
        if (limit < 1) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, SearchHit.MARK_START);
            st.setString(2, SearchHit.MARK_END);
            st.setString(3, match);
            st.setInt(4, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int cell = rs.getInt(3);
                    Integer cellOrNull = rs.wasNull() ? null : cell;
                    into.add(new ExperimentHit(rs.getString(1), rs.getString(2), cellOrNull, rs.getString(4)));
                }
            }
        }
    }

    private void upsertDefinition(Connection c, Experiment experiment) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO experiments(id, name, prompt, definition,"
                + " cell_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
                + " name = excluded.name, prompt = excluded.prompt, definition = excluded.definition,"
                + " cell_count = excluded.cell_count, updated_at = excluded.updated_at")) {
            st.setString(1, experiment.id());
            st.setString(2, experiment.name() == null || experiment.name().isBlank() ? "Experiment" : experiment.name());
            st.setString(3, promptText(experiment.prompt()));
            st.setString(4, ExperimentJson.write(experiment));
            st.setInt(5, experiment.cellCount());
            st.setLong(6, experiment.createdAt() == null ? now : experiment.createdAt().toEpochMilli());
            st.setLong(7, now);
            st.executeUpdate();
        }
    }

    private static void upsertResult(Connection c, String experimentId, CellResult result) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(UPSERT_RESULT)) {
            st.setString(1, experimentId);
            ResultColumns.bind(st, 2, result);
            st.executeUpdate();
        }
    }

    /** Inserts a result, or replaces every column of the one stored for that cell. */
    private static String upsertResult() {
        List<String> names = List.of(ResultColumns.NAMES.split(",\\s*"));
        StringBuilder sql = new StringBuilder("INSERT INTO experiment_cells(experiment_id, ").append(ResultColumns.NAMES)
                .append(") VALUES (?").append(", ?".repeat(names.size())).append(") ON CONFLICT(experiment_id, cell) DO UPDATE SET ");
        for (String name : names.subList(1, names.size())) {
            sql.append(name).append(" = excluded.").append(name).append(name.equals(names.getLast()) ? "" : ", ");
        }
        return sql.toString();
    }

    private static Optional<String> definition(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT definition FROM experiments WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<Experiment> named(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT name, definition FROM experiments WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(ExperimentJson.readExperiment(rs.getString(2)).withName(rs.getString(1)))
                        : Optional.empty();
            }
        }
    }

    private static List<CellResult> results(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + ResultColumns.NAMES
                + " FROM experiment_cells WHERE experiment_id = ? ORDER BY cell")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                List<CellResult> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(ResultColumns.read(rs, 1));
                }
                return out;
            }
        }
    }

    private static int update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            return st.executeUpdate();
        }
    }

    /** Two definitions make the same requests: the same prompt, base settings and cells. */
    private static boolean sameRequests(Experiment a, Experiment b) {
        return requestsKey(a).equals(requestsKey(b));
    }

    private static String requestsKey(Experiment e) {
        return ExperimentJson.write(ExperimentJson.COMPACT, List.of(e.prompt(), e.base() == null ? "" : e.base(),
                Cells.of(e)));
    }

    private static String promptText(Prompt prompt) {
        StringBuilder text = new StringBuilder(prompt.system() == null ? "" : prompt.system());
        prompt.history().forEach(m -> text.append('\n').append(m.content() == null ? "" : m.content()));
        return text.append('\n').append(prompt.user() == null ? "" : prompt.user()).toString().strip();
    }

    private static BigDecimal sum(String costs) {
        BigDecimal total = BigDecimal.ZERO;
        if (costs != null) {
            for (String cost : costs.split(" ")) {
                total = total.add(new BigDecimal(cost));
            }
        }
        return total;
    }
}
