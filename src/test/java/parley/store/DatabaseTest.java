package parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static final List<Migration> V1 = List.of(
            new Migration(1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    private static final List<Migration> V2 = List.of(V1.getFirst(),
            new Migration(2, "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0",
                    "CREATE INDEX notes_pinned ON notes(pinned)"));

    @Test
    void aNewDatabaseIsMigratedInWalModeWithoutABackup() {
        try (Database db = Database.open(dir.resolve("parley.db"), V2)) {
            assertThat(db.version()).isEqualTo(2);
            assertThat(scalar(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(db.backup()).isEmpty();
            assertThat(db.recoveryNotice()).isEmpty();
        }
    }

    @Test
    void aDecoratedDatabaseRunsEveryReadAndWriteThroughTheDecoratedConnection() {
        List<String> seen = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("parley.db"), V2).decorated(c -> recording(c, seen))) {
            db.write(c -> update(c, "INSERT INTO notes(text) VALUES ('kept')"));
            assertThat(scalar(db, "SELECT text FROM notes")).isEqualTo("kept");
            assertThat(seen).contains("setAutoCommit", "createStatement", "commit");
            assertThat(db.file()).isEqualTo(dir.resolve("parley.db").toAbsolutePath());
        }
    }

    private static java.sql.Connection recording(java.sql.Connection connection, List<String> seen) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(DatabaseTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    seen.add(method.getName());
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void migratingAnExistingDatabaseCopiesItFirstAndKeepsTheData() throws Exception {
        Path file = dir.resolve("parley.db");
        try (Database db = Database.open(file, V1)) {
            db.write(c -> update(c, "INSERT INTO notes(text) VALUES ('kept')"));
        }
        try (Database db = Database.open(file, V2)) {
            assertThat(db.version()).isEqualTo(2);
            assertThat(scalar(db, "SELECT text || ':' || pinned FROM notes")).isEqualTo("kept:0");
            Path backup = db.backup().orElseThrow();
            assertThat(backup.getFileName().toString()).startsWith("parley.db.v1-").endsWith(".bak");
            try (Database old = Database.open(copyOf(backup), List.of(V1.getFirst()))) {
                assertThat(old.version()).isEqualTo(1);
                assertThat(scalar(old, "SELECT text FROM notes")).isEqualTo("kept");
            }
        }
        try (Database again = Database.open(file, V2)) {
            assertThat(again.backup()).as("nothing to migrate, no copy").isEmpty();
        }
    }

    @Test
    void aFailingStepLeavesTheDatabaseAtTheLastGoodVersion() {
        Path file = dir.resolve("parley.db");
        Database.open(file, V1).close();
        List<Migration> broken = List.of(V1.getFirst(), new Migration(2, "CREATE TABLE extra (x)", "NOT SQL AT ALL"));
        assertThatThrownBy(() -> Database.open(file, broken))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not update the database");
        try (Database db = Database.open(file, V1)) {
            assertThat(db.version()).isEqualTo(1);
            assertThat(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'")).isEqualTo("0");
        }
    }

    @Test
    void openedToReadTheFileIsReadAsItIsAndNeitherMigratedNorWritten() throws Exception {
        Path file = dir.resolve("parley.db");
        try (Database db = Database.open(file, V1)) {
            db.write(c -> update(c, "INSERT INTO notes(text) VALUES ('kept')"));
        }

        try (Database db = Database.openToRead(file)) {
            assertThat(db.version()).isEqualTo(1);
            assertThat(scalar(db, "SELECT text FROM notes")).isEqualTo("kept");
            assertThatThrownBy(() -> db.write(c -> update(c, "INSERT INTO notes(text) VALUES ('no')")))
                    .isInstanceOf(StoreException.class);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".bak"));
        }
    }

    @Test
    void openedToReadAMissingFileIsNotCreated() {
        Path file = dir.resolve("parley.db");

        assertThatThrownBy(() -> Database.openToRead(file)).isInstanceOf(StoreException.class).hasMessageContaining(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void aNewerSchemaIsRefusedWithAMessage() {
        Path file = dir.resolve("parley.db");
        Database.open(file, V2).close();
        assertThatThrownBy(() -> Database.open(file, V1))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Parley")
                .hasMessageContaining("PARLEY_HOME");
    }

    @Test
    void aDamagedFileIsKeptAsideAndAFreshDatabaseStarts() throws Exception {
        Path file = dir.resolve("parley.db");
        Files.writeString(file, "this is not a database, just text that got here somehow ".repeat(100));
        try (Database db = Database.open(file, V1)) {
            assertThat(db.version()).isEqualTo(1);
            assertThat(db.recoveryNotice()).get().asString().contains("could not be read").contains("kept as");
        }
        try (var files = Files.list(dir)) {
            List<Path> kept = files.filter(p -> p.getFileName().toString().startsWith("parley.db.damaged-")).toList();
            assertThat(kept).hasSize(1);
            assertThat(Files.readString(kept.getFirst())).startsWith("this is not a database");
        }
    }

    @Test
    void aFailedWriteIsRolledBackWhole() {
        try (Database db = Database.open(dir.resolve("parley.db"), V1)) {
            assertThatThrownBy(() -> db.write(c -> {
                update(c, "INSERT INTO notes(text) VALUES ('half')");
                return update(c, "INSERT INTO notes(text) VALUES (NULL)");
            })).isInstanceOf(StoreException.class);
            assertThat(scalar(db, "SELECT count(*) FROM notes")).isEqualTo("0");
        }
    }

    private static final List<Migration> TWO_TABLES = List.of(new Migration(1,
            "CREATE TABLE small (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
            "CREATE TABLE large (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));

    @Test
    void checkingSomeTablesPassesOverDamageElsewhereThatTheWholeCheckFinds() throws Exception {
        Path file = dir.resolve("parley.db");
        int largeRoot;
        try (Database db = Database.open(file, TWO_TABLES)) {
            db.write(c -> update(c, "INSERT INTO small(text) VALUES ('kept')"));
            db.write(c -> update(c, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                    + " INSERT INTO large(text) SELECT printf('%0200d', i) FROM n"));
            largeRoot = Integer.parseInt(scalar(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'large'"));
        }
        damagePage(file, largeRoot);

        try (Database db = Database.open(file, TWO_TABLES, List.of("small"))) {
            assertThat(db.recoveryNotice()).isEmpty();
            assertThat(scalar(db, "SELECT text FROM small")).isEqualTo("kept");
        }
        try (Database db = Database.open(file, TWO_TABLES)) {
            assertThat(db.recoveryNotice()).hasValueSatisfying(notice -> assertThat(notice).contains("could not be read"));
        }
    }

    @Test
    void checkingSomeTablesStillSetsAsideAFileThatIsNoDatabase() throws Exception {
        Path file = dir.resolve("parley.db");
        Files.writeString(file, "not a database at all, just words ".repeat(50));

        try (Database db = Database.open(file, TWO_TABLES, List.of("small"))) {
            assertThat(db.recoveryNotice()).isPresent();
            assertThat(db.version()).isEqualTo(1);
        }
    }

    @Test
    void aTableToCheckThatTheFileLacksYetIsPassedOver() {
        try (Database db = Database.open(dir.resolve("parley.db"), TWO_TABLES, List.of("small", "not_yet_made"))) {
            assertThat(db.version()).isEqualTo(1);
            assertThat(db.recoveryNotice()).isEmpty();
        }
    }

    /** Overwrites the interior of page {@code page} (numbered from 1) with bytes that are no b-tree page. */
    private static void damagePage(Path file, int page) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.READ)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(2);
            channel.read(header, 16);
            int pageSize = Short.toUnsignedInt(header.flip().getShort());
            java.nio.ByteBuffer junk = java.nio.ByteBuffer.allocate(pageSize);
            java.util.Arrays.fill(junk.array(), (byte) 0x5A);
            channel.write(junk, (long) (page - 1) * pageSize);
        }
    }

    @Test
    void stepsMustBeNumberedInOrder() {
        List<Migration> gap = new ArrayList<>(V1);
        gap.add(new Migration(3, "SELECT 1"));
        assertThatThrownBy(() -> Database.open(dir.resolve("gap.db"), gap)).hasMessageContaining("out of order");
    }

    private Path copyOf(Path backup) throws Exception {
        Path copy = dir.resolve("restored.db");
        Files.copy(backup, copy);
        return copy;
    }

    static String scalar(Database db, String sql) {
        return db.<String>read(c -> query(c, sql));
    }

    static String query(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static int update(java.sql.Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}
