package parley.ui.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.ui.UiThread;

/** The raw view's cut: the first and last 256 KB on screen, the whole in a file, never the whole per hand-over. */
class RawExchangeLogTest {
    private static final URI URL = URI.create("http://127.0.0.1:1/v1/chat/completions");
    private static final int KB = 1024;

    @TempDir Path dir;
    private final List<RawExchangeLog.Snapshot> handed = new ArrayList<>();
    private final StringBuilder screen = new StringBuilder();
    private final RawExchangeLog log = new RawExchangeLog(UiThread.DIRECT, s -> {
        handed.add(s);
        if (s.replace()) screen.setLength(0);
        screen.append(s.text());
    });

    @AfterEach
    void close() {
        log.close();
    }

    /** Lines "line 0000001 xxxx…" of 100 characters with their line end, numbered so a cut shows. */
    private static String line(int n) {
        String head = String.format("line %07d ", n);
        return head + "x".repeat(99 - head.length());
    }

    @Test
    void aLongStreamShowsItsFirstAndLast256KbAndTheWholeIsSaved() throws Exception {
        log.request("POST", URL, "{}");
        log.response(200, Map.of("content-type", List.of("text/event-stream")));
        StringBuilder whole = new StringBuilder("content-type: text/event-stream\n\n");
        int lines = 30_000; // 3 MB
        for (int i = 0; i < lines; i++) {
            log.line(line(i));
            whole.append(line(i)).append('\n');
        }

        String shown = screen.toString();
        int cut = shown.indexOf(RawExchangeLog.CUT_MARK);
        assertThat(cut).isEqualTo(RawExchangeLog.HEAD_CHARS);
        assertThat(shown.substring(0, cut)).isEqualTo(whole.substring(0, RawExchangeLog.HEAD_CHARS));
        String tail = shown.substring(cut + RawExchangeLog.CUT_MARK.length());
        assertThat(tail.length()).isBetween(RawExchangeLog.TAIL_CHARS, 2 * RawExchangeLog.TAIL_CHARS);
        assertThat(whole.toString()).endsWith(tail);
        RawExchangeLog.Snapshot last = handed.getLast();
        assertThat(last.totalChars()).isEqualTo(whole.length());
        assertThat(last.totalChars() - last.hiddenChars()).isEqualTo(cut + tail.length());

        Path saved = dir.resolve("answer.txt");
        log.saveWhole(saved);
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).isEqualTo(whole.toString());
    }

    @Test
    void aHandOverCarriesWhatWasAddedAndReplacesOnlyWhenTheTailIsCutBack() {
        log.request("POST", URL, "{}");
        log.response(200, Map.of());
        for (int i = 0; i < 30_000; i++) log.line(line(i));

        long replacing = handed.stream().filter(RawExchangeLog.Snapshot::replace).count();
        int largest = handed.stream().mapToInt(s -> s.text().length()).max().orElseThrow();
        long carried = handed.stream().mapToLong(s -> s.text().length()).sum();
        // 3 MB arrived: the tail is cut back once per 256 KB past the first 768 KB, never per line
        assertThat(replacing).isBetween(2L, 12L);
        assertThat(largest).isLessThanOrEqualTo(RawExchangeLog.HEAD_CHARS + RawExchangeLog.CUT_MARK.length()
                + 2 * RawExchangeLog.TAIL_CHARS);
        assertThat(carried).isLessThan(3L * 3_000_000);
    }

    @Test
    void aBodyOf64MbIsShownCutFromOneHandOver() throws Exception {
        log.request("POST", URL, "{}");
        String body = "{" + "y".repeat(64 * KB * KB) + "}";
        log.body(body);

        String shown = screen.toString();
        assertThat(shown).hasSize(RawExchangeLog.HEAD_CHARS + RawExchangeLog.CUT_MARK.length() + RawExchangeLog.TAIL_CHARS);
        assertThat(shown).startsWith("{yyy").endsWith("yyy}");
        assertThat(handed.getLast().hiddenChars()).isEqualTo(body.length() - RawExchangeLog.HEAD_CHARS - RawExchangeLog.TAIL_CHARS);
        Path saved = dir.resolve("body.json");
        log.saveWhole(saved);
        assertThat(Files.size(saved)).isEqualTo(body.length());
    }

    @Test
    void aShortAnswerIsShownWholeAndANewRequestStartsAfresh() throws Exception {
        log.request("POST", URL, "{}");
        log.line("data: one");
        assertThat(screen.toString()).isEqualTo("data: one\n");
        log.request("POST", URL, "{}");
        assertThat(screen.toString()).isEmpty();
        assertThatThrownBy(() -> log.saveWhole(dir.resolve("none.txt"))).hasMessage("No answer has arrived yet.");
        log.line("data: two");
        log.saveWhole(dir.resolve("two.txt"));
        assertThat(Files.readString(dir.resolve("two.txt"))).isEqualTo("data: two\n");
        assertThat(handed.getLast().hiddenChars()).isZero();
    }

    @Test
    void theViewModelSavesOffTheUiThreadAndSaysWhere() {
        RequestViewModel vm = new RequestViewModel(() -> null, UiThread.DIRECT);
        List<Runnable> background = new ArrayList<>();
        vm.tap().request("POST", URL, "{}");
        vm.tap().body("{\"ok\":true}");
        Path file = dir.resolve("vm.json");

        vm.saveWholeAnswer(file, background::add);

        assertThat(vm.saveNoticeProperty().get()).isEqualTo("Saving…");
        assertThat(file).doesNotExist();
        background.getFirst().run();
        assertThat(vm.saveNoticeProperty().get()).isEqualTo("Saved the whole answer to " + file + ".");
        assertThat(file).hasContent("{\"ok\":true}");
        vm.close();
    }
}
