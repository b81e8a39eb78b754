package parley.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.store.Migrations;
import parley.store.Settings;

/** The real schema migrated from its first version with data in it, and damaged files set aside. */
class SurvivalTest {
    @TempDir
    Path dir;

    @Test
    void theFirstSchemaWithDataIsCopiedThenMigratedKeepingEverything() throws Exception {
        Path file = dir.resolve("parley.db");
        try (Database first = Database.open(file, AppDatabase.MIGRATIONS.subList(0, 1))) {
            Settings settings = new Settings(first);
            settings.putString("ui.theme", "NORD_DARK");
            settings.putInt("ui.font_size", 17);
            assertThat(first.version()).isEqualTo(1);
        }

        try (Database latest = AppDatabase.open(file)) {
            assertThat(latest.version()).isEqualTo(Migrations.latest(AppDatabase.MIGRATIONS));
            Settings settings = new Settings(latest);
            assertThat(settings.getString("ui.theme")).contains("NORD_DARK");
            assertThat(settings.getInt("ui.font_size")).contains(17);
            Path backup = latest.backup().orElseThrow();
            assertThat(backup.getFileName().toString()).startsWith("parley.db.v1-").endsWith(".bak");
            try (Database copy = Database.open(Files.copy(backup, dir.resolve("copy.db")), AppDatabase.MIGRATIONS.subList(0, 1))) {
                assertThat(new Settings(copy).getString("ui.theme")).contains("NORD_DARK");
            }
            ConversationStore store = new ConversationStore(latest);
            String id = store.create("p", "m", null);
            store.saveMessage(id, SavedMessage.typed("u", "user", "after the upgrade", Instant.now()));
            assertThat(store.search("upgrade", 5)).hasSize(1);
        }
    }

    @Test
    void aTruncatedDatabaseIsKeptAsideAndAFreshOneStarts() throws Exception {
        Path file = dir.resolve("parley.db");
        fillWithHistory(file);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 3);
        }
        byte[] damaged = Files.readAllBytes(file);

        assertSetAside(file, damaged);
    }

    @Test
    void garbageInsideADatabaseIsKeptAsideAndAFreshOneStarts() throws Exception {
        Path file = dir.resolve("parley.db");
        fillWithHistory(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] noise = new byte[8192];
            new java.util.Random(7).nextBytes(noise);
            raf.seek(4096);
            raf.write(noise);
        }
        byte[] damaged = Files.readAllBytes(file);

        assertSetAside(file, damaged);
    }

    @Test
    void aFileThatIsNoDatabaseAtAllIsKeptAside() throws Exception {
        Path file = dir.resolve("parley.db");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Files.write(file, png);

        assertSetAside(file, png);
    }

    private void assertSetAside(Path file, byte[] damaged) throws IOException {
        try (Database fresh = AppDatabase.open(file)) {
            String notice = fresh.recoveryNotice().orElseThrow();
            Path kept = keptFiles().getFirst();
            assertThat(notice).contains(file.toString()).contains("kept as " + kept).doesNotContain("\n");
            assertThat(Files.readAllBytes(kept)).as("the damaged file is kept byte for byte").isEqualTo(damaged);
            ConversationStore store = new ConversationStore(fresh);
            assertThat(store.list()).isEmpty();
            String id = store.create("p", "m", null);
            store.saveMessage(id, SavedMessage.typed("u", "user", "a fresh start", Instant.now()));
        }
        try (Database again = AppDatabase.open(file)) {
            assertThat(again.recoveryNotice()).isEmpty();
            assertThat(new ConversationStore(again).list()).hasSize(1);
        }
        assertThat(keptFiles()).hasSize(1);
    }

    private List<Path> keptFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("parley\\.db\\.damaged-[0-9-]+")).toList();
        }
    }

    private static void fillWithHistory(Path file) {
        try (Database db = AppDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            for (int c = 0; c < 20; c++) {
                String id = store.create("p", "m", "system");
                for (int m = 0; m < 10; m++) {
                    store.saveMessage(id, new SavedMessage("c" + c + "m" + m, m % 2 == 0 ? "user" : "assistant",
                            ("message " + c + "/" + m + " ").repeat(40), "", "COMPLETE", null, "m",
                            Map.of("temperature", 0.5), null, Instant.now()));
                }
            }
            db.read(c -> {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                return null;
            });
        }
    }
}
