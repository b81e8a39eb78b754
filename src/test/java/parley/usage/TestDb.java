package parley.usage;

import java.nio.file.Path;
import parley.app.AppDatabase;
import parley.store.Database;

/** The application's database in a test folder, with every migration applied. */
final class TestDb {
    private TestDb() {}

    static Database open(Path file) {
        return AppDatabase.open(file);
    }
}
