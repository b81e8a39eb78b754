package parley.capability;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import parley.store.Database;
import parley.store.Migration;

/** What servers refused with a 400, kept per provider and model: the table the capability table grows by. */
public final class RefusalStore {
    /** The refusals' schema step; once published its version and SQL never change. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration(6,
            "CREATE TABLE refused_parameter (provider TEXT NOT NULL, model TEXT NOT NULL,"
            + " parameter TEXT NOT NULL, reason TEXT NOT NULL, learned_at INTEGER NOT NULL,"
            + " PRIMARY KEY (provider, model, parameter))"));

    private final Database database;

    public RefusalStore(Database database) {
        this.database = database;
    }

    /** Every refusal kept, oldest first. */
    public List<Refusal> all() {
        return database.read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT provider, model, parameter, reason, learned_at"
                    + " FROM refused_parameter ORDER BY learned_at, provider, model, parameter");
                 ResultSet rs = st.executeQuery()) {
                List<Refusal> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new Refusal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
                return found;
            }
        });
    }

    /** Keeps {@code refusal}, replacing what was kept for the same provider, model and parameter. */
    public void save(Refusal refusal) {
        database.write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO refused_parameter"
                    + " (provider, model, parameter, reason, learned_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (provider, model, parameter) DO UPDATE SET reason = excluded.reason,"
                    + " learned_at = excluded.learned_at")) {
                st.setString(1, refusal.provider());
                st.setString(2, refusal.model());
                st.setString(3, refusal.parameter());
                st.setString(4, refusal.reason());
                st.setLong(5, refusal.learnedAtMillis());
                return st.executeUpdate();
            }
        });
    }
}
