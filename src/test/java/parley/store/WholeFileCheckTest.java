package parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.testing.DamagedFiles;

/** The window's open leaves the whole-file check for later; what the later check finds is handled at the next open. */
class WholeFileCheckTest {
    @TempDir
    Path dir;

    @Test
    void theWindowsOpenDoesNotCheckTheWholeFile() throws Exception {
        Path file = DamagedFiles.write(dir.resolve("parley.db"));

        try (Database db = AppDatabase.openForWindow(file)) {
            assertThat(db.recoveryNotice()).as("damage only a whole check finds is not looked for").isEmpty();
            assertThat(new Settings(db).getString("ui.theme")).isEmpty();
        }
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedMarkedAndSetAsideAtTheNextOpen() throws Exception {
        Path file = DamagedFiles.write(dir.resolve("parley.db"));
        byte[] damaged = Files.readAllBytes(file);

        try (Database db = AppDatabase.openForWindow(file)) {
            String report = db.checkWhole().orElseThrow();
            assertThat(report).contains(file.toString(), "found it damaged", "start it again", "kept aside")
                    .doesNotContain("\n");
        }
        assertThat(DamageMark.of(file)).exists();

        try (Database fresh = AppDatabase.openForWindow(file)) {
            Path kept = keptFiles().getFirst();
            assertThat(fresh.recoveryNotice().orElseThrow())
                    .contains(file.toString(), "an earlier check found it damaged", "kept as " + kept, "a new one was started");
            assertThat(Files.readAllBytes(kept)).as("the damaged file is kept byte for byte").isEqualTo(damaged);
            new Settings(fresh).putString("ui.theme", "NORD_DARK");
            assertThat(fresh.checkWhole()).isEmpty();
        }
        assertThat(DamageMark.of(file)).doesNotExist();
        try (Database again = AppDatabase.openForWindow(file)) {
            assertThat(again.recoveryNotice()).isEmpty();
            assertThat(new Settings(again).getString("ui.theme")).contains("NORD_DARK");
        }
        assertThat(keptFiles()).hasSize(1);
    }

    @Test
    void anIntactFileIsNotMarked() throws Exception {
        try (Database db = AppDatabase.openForWindow(dir.resolve("parley.db"))) {
            new Settings(db).putString("ui.theme", "NORD_DARK");
            assertThat(db.checkWhole()).isEmpty();
        }
        assertThat(DamageMark.of(dir.resolve("parley.db"))).doesNotExist();
    }

    @Test
    void theCommandLinesWholeOpenStillFindsTheDamageAtOnce() throws Exception {
        Path file = DamagedFiles.write(dir.resolve("parley.db"));

        try (Database db = AppDatabase.open(file)) {
            assertThat(db.recoveryNotice()).hasValueSatisfying(n -> assertThat(n).contains("kept as"));
        }
    }

    private List<Path> keptFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("parley\\.db\\.damaged-[0-9-]+")).toList();
        }
    }
}
