package parley.cli;

import java.nio.file.Files;
import java.util.List;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.RequestJson;
import parley.store.DataFolder;
import parley.store.Database;
import parley.store.SqliteLibrary;

/**
 * Work a command will need soon, done on the second core while picocli reads the options: SQLite's
 * native library loaded (when the data folder has a database: in a new one a command that only
 * reads, such as {@code models}, never loads it), and Jackson's writer of a request built (the
 * mapper, its serializers, the annotations of the request's records). About 0.09 s of `java -jar parley.jar send`'s start
 * (src/docs/benchmarks.md#command-line-start). Both are idempotent, so whichever thread comes
 * first does the work and the other finds it done.
 */
public final class WarmUp {
    private WarmUp() {}

    /** Starts the work on a daemon thread: a command that ends first does not wait for it. */
    public static void start() {
        Thread.ofPlatform().daemon().name("parley-warm-up").start(WarmUp::run);
    }

    private static void run() {
        try {
            if (Files.isRegularFile(DataFolder.resolve().resolve(Database.FILE_NAME))) SqliteLibrary.load();
            RequestJson.write(ChatRequest.of("warm-up", List.of(ChatMessage.user("warm-up"))));
        } catch (Exception | LinkageError ignored) {
            // the command meets the same failure where it needs the library, and says so there
        }
    }
}
