package parley.team;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.SessionSecrets;

/** A member's data folder for tests: its database, a keyring kept in memory, and its team service. */
public record TeamTestSupport(Database database, SessionSecrets secrets, TeamService team) implements AutoCloseable {
    public static TeamTestSupport member(Path folder) {
        Database db = AppDatabase.open(folder.resolve(Database.FILE_NAME));
        SessionSecrets secrets = new SessionSecrets("test keyring");
        return new TeamTestSupport(db, secrets, new TeamService(db, secrets, Map.of(), Clock.systemDefaultZone()));
    }

    @Override
    public void close() {
        team.close();
        database.close();
    }
}
