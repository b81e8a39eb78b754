package parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that is in use or cannot be opened is left where it is, never set aside as damaged. */
class LockedDatabaseTest {
    private static final List<Migration> NOTES = List.of(
            new Migration(1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));

    @TempDir
    Path dir;

    @Test
    void aFileHeldWithAnExclusiveLockIsLeftAloneWithAMessage() throws Exception {
        Path file = databaseWithANote();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = holder.createStatement()) {
            st.execute("PRAGMA locking_mode=EXCLUSIVE");
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO notes(text) VALUES ('written while locked')");
            st.execute("COMMIT");
            List<String> before = names();

            assertThatThrownBy(() -> Database.open(file, NOTES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("The database " + file + " is locked by another program")
                    .hasMessageContaining("left as it is")
                    .hasMessageNotContaining("\n");
            assertThat(names()).as("nothing moved, nothing new").isEqualTo(before);
        }
        assertThat(notes(file)).containsExactly("kept", "written while locked");
    }

    @Test
    void aRollbackJournalFileInAnExclusiveTransactionIsLeftAlone() throws Exception {
        Path file = databaseWithANote();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = holder.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("BEGIN EXCLUSIVE");
            List<String> before = names();

            assertThatThrownBy(() -> Database.open(file, NOTES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("locked by another program");
            assertThat(names()).isEqualTo(before);
            st.execute("COMMIT");
        }
        assertThat(notes(file)).containsExactly("kept");
    }

    @Test
    void aMigrationThatMeetsAWriterHoldingTheFileSaysItIsLockedAndChangesNothing() throws Exception {
        Path file = databaseWithANote();
        List<Migration> next = List.of(NOTES.getFirst(), new Migration(2, "ALTER TABLE notes ADD COLUMN pinned INTEGER"));
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = holder.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");

            assertThatThrownBy(() -> Database.open(file, next))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("The database " + file + " is locked by another program");
            st.execute("COMMIT");
        }
        try (Database db = Database.open(file, NOTES)) {
            assertThat(db.version()).isEqualTo(1);
        }
        assertThat(names()).noneMatch(name -> name.contains("damaged"));
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNotMovedAside() throws Exception {
        Path file = dir.resolve("parley.db");
        Files.createDirectory(file);
        Files.writeString(file.resolve("inside.txt"), "mine");

        assertThatThrownBy(() -> Database.open(file, NOTES))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The database " + file + " cannot be opened")
                .hasMessageContaining("PARLEY_HOME");
        assertThat(names()).containsExactly("parley.db");
        assertThat(Files.readString(file.resolve("inside.txt"))).isEqualTo("mine");
    }

    private Path databaseWithANote() {
        Path file = dir.resolve("parley.db");
        try (Database db = Database.open(file, NOTES)) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("INSERT INTO notes(text) VALUES ('kept')");
                }
            });
        }
        return file;
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> notes(Path file) {
        try (Database db = Database.open(file, NOTES)) {
            assertThat(db.recoveryNotice()).isEmpty();
            return db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT text FROM notes ORDER BY id")) {
                    List<String> texts = new java.util.ArrayList<>();
                    while (rs.next()) texts.add(rs.getString(1));
                    return texts;
                }
            });
        }
    }
}
