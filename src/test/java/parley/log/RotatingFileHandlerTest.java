package parley.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileHandlerTest {
    @TempDir
    Path dir;

    private static LogRecord line(int n) {
        LogRecord record = new LogRecord(Level.INFO, "line " + n + " " + "x".repeat(60));
        record.setLoggerName("parley.test");
        return record;
    }

    @Test
    void rotatesAtTheSizeLimitAndKeepsTheGivenNumberOfFiles() throws Exception {
        Path logs = dir.resolve("logs");
        RotatingFileHandler handler = RotatingFileHandler.open(logs, "parley", 1_000, 3, new LogTrouble());
        for (int n = 1; n <= 100; n++) handler.publish(line(n));
        handler.close();

        assertThat(logs.resolve("parley.log")).exists();
        assertThat(logs.resolve("parley.log.1")).exists();
        assertThat(logs.resolve("parley.log.2")).exists();
        assertThat(logs.resolve("parley.log.3")).doesNotExist();
        for (String name : List.of("parley.log", "parley.log.1", "parley.log.2")) {
            assertThat(Files.size(logs.resolve(name))).isLessThanOrEqualTo(1_000);
        }
        assertThat(Files.readString(logs.resolve("parley.log"))).contains("line 100 ");
        List<String> lines = new ArrayList<>();
        for (String name : List.of("parley.log.2", "parley.log.1", "parley.log")) {
            lines.addAll(Files.readAllLines(logs.resolve(name)));
        }
        // nothing lost or doubled across the files that are kept: consecutive, ending with the last
        int first = Integer.parseInt(lines.getFirst().replaceAll(".*line (\\d+) .*", "$1"));
        for (int i = 0; i < lines.size(); i++) assertThat(lines.get(i)).contains("line " + (first + i) + " ");
        assertThat(first + lines.size() - 1).isEqualTo(100);
    }

    @Test
    void appendsToTheFileOfAnEarlierRun() throws Exception {
        RotatingFileHandler one = RotatingFileHandler.open(dir, "parley", 10_000, 5, new LogTrouble());
        one.publish(line(1));
        one.close();
        RotatingFileHandler two = RotatingFileHandler.open(dir, "parley", 10_000, 5, new LogTrouble());
        two.publish(line(2));
        two.close();

        assertThat(Files.readAllLines(dir.resolve("parley.log"))).hasSize(2);
    }

    @Test
    void aSecondWriterOfTheSameNameWritesItsOwnFile() throws Exception {
        RotatingFileHandler one = RotatingFileHandler.open(dir, "cli", 10_000, 5, new LogTrouble());
        RotatingFileHandler two = RotatingFileHandler.open(dir, "cli", 10_000, 5, new LogTrouble());
        one.publish(line(1));
        two.publish(line(2));
        one.close();
        two.close();

        assertThat(one.file()).isEqualTo(dir.resolve("cli.log"));
        assertThat(two.file()).isEqualTo(dir.resolve("cli-2.log"));
        assertThat(Files.readString(dir.resolve("cli.log"))).contains("line 1 ").doesNotContain("line 2 ");
    }

    @Test
    void aFolderThatCannotBeMadeIsToldOnceAndLoggingGoesOn() throws Exception {
        Path notAFolder = dir.resolve("logs");
        Files.writeString(notAFolder, "a file where the log folder should be");
        List<String> told = new ArrayList<>();
        LogTrouble trouble = new LogTrouble();
        trouble.onTrouble(told::add);

        RotatingFileHandler handler = RotatingFileHandler.open(notAFolder, "parley", 1_000, 5, trouble);
        for (int n = 1; n <= 3; n++) handler.publish(line(n));
        handler.close();

        assertThat(handler.file()).isNull();
        assertThat(told).hasSize(1);
        assertThat(told.getFirst()).contains(notAFolder.toString()).contains("goes on without it");
        assertThat(Files.readString(notAFolder)).isEqualTo("a file where the log folder should be");
    }

    @Test
    void troubleBeforeTheListenerIsSetIsToldWhenItIs() throws Exception {
        Path notAFolder = dir.resolve("logs");
        Files.writeString(notAFolder, "");
        LogTrouble trouble = new LogTrouble();
        RotatingFileHandler.open(notAFolder, "parley", 1_000, 5, trouble).close();
        List<String> told = new ArrayList<>();

        trouble.onTrouble(told::add);

        assertThat(told).hasSize(1);
    }
}
