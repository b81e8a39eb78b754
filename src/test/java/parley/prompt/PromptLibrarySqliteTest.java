package parley.prompt;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.SqlStore;

/** The personal library, in the local SQLite file. */
class PromptLibrarySqliteTest extends PromptLibraryContract {
    @TempDir Path home;
    private Database database;

    @BeforeEach
    void open() {
        database = AppDatabase.open(home.resolve(Database.FILE_NAME));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    SqlStore store() {
        return database;
    }
}
