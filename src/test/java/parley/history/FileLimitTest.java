package parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ChatMessage;
import parley.api.ReadLimits;
import parley.app.AppDatabase;
import parley.store.Database;

/** Session and import files past the size limit are refused before they are read, with the limit named. */
class FileLimitTest {
    @TempDir Path dir;

    @Test
    void anImportOverTheLimitIsRefusedAndNothingIsImported() throws Exception {
        Path file = dir.resolve("export.json");
        ConversationJson.write(Samples.conversation(), file);
        long size = Files.size(file);
        try (Database db = AppDatabase.open(dir.resolve(Database.FILE_NAME))) {
            ConversationStore store = new ConversationStore(db);
            HistoryService small = HistoryService.withoutChat(store, () -> size - 1);

            assertThatThrownBy(() -> small.importFile(file)).isInstanceOf(FileFormatException.class)
                    .hasMessage("export.json is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes, over the "
                            + String.format(java.util.Locale.ROOT, "%,d", size - 1) + " bytes limit for session and import"
                            + " files: raise the setting limits.file_mb to read it.");
            assertThat(store.list()).isEmpty();

            HistoryService enough = HistoryService.withoutChat(store, () -> size);
            assertThat(enough.importFile(file).added()).hasSize(1);
        }
    }

    @Test
    void aSessionFileOverTheLimitIsRefused() throws Exception {
        Path file = dir.resolve("try" + SessionFile.EXTENSION);
        SessionFile.of("atlascloud", null, Samples.request(), "", List.of(ChatMessage.user("x".repeat(2000)))).write(file);

        assertThatThrownBy(() -> SessionFile.read(file, 1000)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("over the 1,000 bytes limit for session and import files")
                .hasMessageContaining("limits.file_mb");
        assertThat(SessionFile.read(file, Files.size(file)).messages()).hasSize(1);
    }

    @Test
    void theDefaultLimitIs256Mb() throws Exception {
        Path file = dir.resolve("huge" + SessionFile.EXTENSION);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(257 * ReadLimits.MB); // no data is written: the size alone is refused
        }
        assertThatThrownBy(() -> SessionFile.read(file)).isInstanceOf(FileFormatException.class)
                .hasMessage("huge.parley.json is 257 MB, over the 256 MB limit for session and import files:"
                        + " raise the setting limits.file_mb to read it.");
        try (Database db = AppDatabase.open(dir.resolve(Database.FILE_NAME))) {
            HistoryService history = HistoryService.withoutChat(new ConversationStore(db), () -> FileLimit.DEFAULT_BYTES);
            assertThatThrownBy(() -> history.importFile(file)).hasMessageContaining("over the 256 MB limit");
        }
    }
}
