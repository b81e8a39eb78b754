package parley.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {
    private static final String KEY = "Zq81mN0pLx7tRv2sWy4uB6";

    @Test
    void oneLineWithTimeLevelThreadAndSourceThenTheStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "it broke\nacross lines");
        record.setLoggerName("parley.chat.ChatService");
        record.setThrown(new IllegalStateException("boom"));

        String text = new LogLineFormat().format(record);

        String first = text.lines().findFirst().orElseThrow();
        assertThat(first).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR \\["
                + Thread.currentThread().getName() + "] chat\\.ChatService: it broke across lines");
        assertThat(text).contains("java.lang.IllegalStateException: boom")
                .contains("at parley.log.LogLineFormatTest.oneLineWithTimeLevelThreadAndSourceThenTheStackTrace");
    }

    @Test
    void aKeyInUseIsMaskedInTheMessageAndInTheStackTrace() {
        LogSecrets.remember(KEY);
        LogRecord record = new LogRecord(Level.WARNING, "the server said: bad key " + KEY);
        record.setLoggerName("parley.request");
        record.setThrown(new RuntimeException("refused " + KEY, new RuntimeException("Bearer " + KEY)));

        String text = new LogLineFormat().format(record);

        assertThat(text).doesNotContain(KEY).contains("Zq81…uB6".replace("uB6", "4uB6"));
    }

    @Test
    void anythingShapedLikeAKeyIsMaskedEvenWhenUnknown() {
        LogRecord record = new LogRecord(Level.INFO, "header Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123");
        record.setLoggerName("x");

        assertThat(new LogLineFormat().format(record)).doesNotContain("abcdefghijklmnopqrstuvwxyz0123");
    }
}
