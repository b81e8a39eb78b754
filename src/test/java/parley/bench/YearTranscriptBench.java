package parley.bench;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.app.AppDatabase;
import parley.chat.ChatService;
import parley.history.ConversationStore;
import parley.history.HistoryRecorder;
import parley.history.HistoryService;
import parley.history.SavedMessage;
import parley.store.Database;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;

/**
 * The window side of a year of use, on Monocle: the longest conversation of the year (2,000 messages)
 * and a conversation of 2 messages in an empty database, each opened into the real {@link ChatView}:
 * time to the first screen (the first open, and the median of {@value #ROUNDS} opens interleaved with
 * the other database's), the time until the rest of the page of cards is built above it and the longest
 * gap between pulses meanwhile, the heap held with it open, the nodes in the transcript, and the longest
 * gap between pulses while the transcript is scrolled from its top to its end in 200 steps (one per
 * pulse). Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code mvn -o -q test -Dtest=YearTranscriptBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.year=target/bench-scale/year-source.db} (installer/bench-scale.sh runs it).
 */
class YearTranscriptBench {
    private static final int SCROLL_STEPS = 200;
    private static final int ROUNDS = 3;
    /** The cards a page holds (TranscriptPages.PAGE): the newest 60 messages. */
    private static final int PAGE = 60;

    private Stage stage;

    @Test
    void run() throws Exception {
        Path source = Path.of(System.getProperty("bench.year", "target/bench-scale/year-source.db"));
        if (!Files.exists(source)) {
            System.out.println("YearTranscriptBench: no year database at " + source + " (installer/bench-scale.sh makes one)");
            return;
        }
        Path work = Files.createDirectories(Path.of("target/bench-scale/transcript"));
        Path year = work.resolve("year.db");
        Path empty = work.resolve("empty.db");
        for (Path p : new Path[] {year, empty}) {
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(p + suffix));
        }
        Files.copy(source, year, StandardCopyOption.REPLACE_EXISTING);
        try (Database db = AppDatabase.open(empty)) {
            ConversationStore store = new ConversationStore(db);
            String id = store.create("custom", "tiny", "");
            store.saveMessage(id, SavedMessage.typed("q", "user", "What is the temperature of tea?", null));
            store.saveMessage(id, SavedMessage.typed("a", "assistant", "About **80** degrees.", null));
        }
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setWidth(1000);
            stage.setHeight(800);
            stage.show();
        });
        open("warm-up, empty database", empty, false);
        Figures e = open("empty database, 2 messages", empty, true);
        Figures y = open("year of use, 2,000 messages", year, true);
        double[] eOpens = new double[ROUNDS];
        double[] yOpens = new double[ROUNDS];
        eOpens[0] = e.firstScreenMs;
        yOpens[0] = y.firstScreenMs;
        for (int i = 1; i < ROUNDS; i++) {
            eOpens[i] = open("empty database, again", empty, false).firstScreenMs;
            yOpens[i] = open("year of use, again", year, false).firstScreenMs;
        }
        System.out.println("| measurement | empty database | year of use | year / empty | target |");
        System.out.println("| --- | ---: | ---: | ---: | --- |");
        row("open the conversation into the transcript: first screen, first open", e.firstScreenMs, y.firstScreenMs, "ms", "≤ 300 ms");
        row("the same, median of " + ROUNDS + " opens", median(eOpens), median(yOpens), "ms", "≤ 300 ms");
        row("after the first screen, the rest of the page built (" + PAGE + " cards)", e.pageMs, y.pageMs, "ms", "");
        row("longest pulse gap meanwhile", e.pageGapMs, y.pageGapMs, "ms", "≤ 50 ms");
        row("longest pulse gap while scrolling it end to end", e.longestGapMs, y.longestGapMs, "ms", "≤ 50 ms");
        row("scrolling it end to end, " + SCROLL_STEPS + " steps", e.scrollMs, y.scrollMs, "ms", "");
        row("heap held with it open (after a full GC)", e.heapMb, y.heapMb, "MB", "≤ 300 MB");
        row("message cards in the transcript (live nodes)", e.cards, y.cards, "", "cards out of view not live, or cheap");
        row("nodes in the scene", e.nodes, y.nodes, "", "");
    }

    private record Figures(double firstScreenMs, double pageMs, double pageGapMs, double longestGapMs, double scrollMs,
                           double heapMb, double cards, double nodes) {}

    private Figures open(String name, Path file, boolean scrollIt) throws Exception {
        try (Database db = AppDatabase.open(file)) {
            ConversationStore store = new ConversationStore(db);
            ChatService chat = new ChatService(s -> { throw new IllegalStateException("no sending here"); }, r -> { });
            try (HistoryRecorder recorder = new HistoryRecorder(chat, store, err -> { })) {
                HistoryService history = new HistoryService(store, chat, recorder);
                var conversation = store.list().stream().max((a, b) -> Integer.compare(a.messageCount(), b.messageCount()))
                        .orElseThrow();
                String longest = conversation.id();
                ChatViewModel model = onFx(() -> {
                    ChatViewModel m = new ChatViewModel(chat, UiThread.FX);
                    ChatView view = new ChatView(m);
                    if (stage.getScene() == null) stage.setScene(new Scene(view, 1000, 800));
                    else stage.getScene().setRoot(view);
                    view.warmUp(); // as the window does once it is shown
                    return m;
                });
                settle();
                long heapBefore = usedAfterGc();
                long start = System.nanoTime();
                history.open(longest); // reads it, as the history panel does off the FX thread
                CompletableFuture<Long> firstScreen = new CompletableFuture<>();
                onFx(() -> {
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        stage.getScene().removePostLayoutPulseListener(once[0]);
                        firstScreen.complete(System.nanoTime());
                    };
                    model.reload();
                    stage.getScene().addPostLayoutPulseListener(once[0]);
                    return null;
                });
                long shown = firstScreen.get(300, TimeUnit.SECONDS);
                double firstScreenMs = (shown - start) / 1e6;
                double[] page = pageBuilt(Math.min(PAGE, conversation.messageCount()), shown);
                settle();
                double heapMb = (usedAfterGc() - heapBefore) / 1048576.0;
                double[] scroll = scrollIt ? scroll() : new double[2];
                double cards = onFx(() -> (double) stage.getScene().getRoot().lookupAll(".chat-card").size());
                double nodes = onFx(() -> (double) count(stage.getScene().getRoot()));
                onFx(() -> { model.close(); return null; });
                System.out.printf(Locale.ROOT, "%s: first screen %.0f ms, page built %.0f ms later (longest gap %.0f ms), "
                        + "scroll gap %.0f ms, heap %.1f MB, %d cards%n", name, firstScreenMs, page[0], page[1], scroll[0], heapMb,
                        (int) cards);
                return new Figures(firstScreenMs, page[0], page[1], scroll[0], scroll[1], heapMb, cards, nodes);
            }
        }
    }

    /**
     * Waits, pulse by pulse, until {@code cards} cards are in the transcript; returns the time from
     * {@code shown} (the first screen) until then and the longest gap between pulses meanwhile, in ms.
     */
    private double[] pageBuilt(int cards, long shown) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        onFx(() -> {
            javafx.scene.Parent transcript = (javafx.scene.Parent) stage.getScene().getRoot().lookup(".chat-transcript");
            new AnimationTimer() {
                private long last = shown;
                private long longest;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    longest = Math.max(longest, t - last);
                    last = t;
                    long built = transcript.getChildrenUnmodifiable().stream()
                            .filter(n -> n.getStyleClass().contains("chat-card")).count();
                    if (built >= cards) {
                        stop();
                        done.complete(new double[] {(t - shown) / 1e6, longest / 1e6});
                    }
                }
            }.start();
            return null;
        });
        return done.get(300, TimeUnit.SECONDS);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** Scrolls from the top to the end, one step per pulse; returns the longest gap between pulses and the total, in ms. */
    private double[] scroll() throws Exception {
        ScrollPane scroller = onFx(() -> (ScrollPane) stage.getScene().getRoot().lookup(".scroll-pane"));
        onFx(() -> { scroller.setVvalue(0); return null; });
        settle();
        CompletableFuture<double[]> done = new CompletableFuture<>();
        long start = System.nanoTime();
        onFx(() -> {
            new AnimationTimer() {
                private long last;
                private long longest;
                private int step;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (last != 0) longest = Math.max(longest, t - last);
                    last = t;
                    if (step > SCROLL_STEPS) {
                        stop();
                        done.complete(new double[] {longest / 1e6, (t - start) / 1e6});
                        return;
                    }
                    scroller.setVvalue((double) step++ / SCROLL_STEPS);
                }
            }.start();
            return null;
        });
        return done.get(600, TimeUnit.SECONDS);
    }

    private static int count(javafx.scene.Parent parent) {
        int n = 1;
        for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
            n += child instanceof javafx.scene.Parent p ? count(p) : 1;
        }
        return n;
    }

    private static void row(String name, double empty, double year, String unit, String target) {
        System.out.printf(Locale.ROOT, "| %s | %.1f %s | %.1f %s | %s | %s |%n", name, empty, unit, year, unit,
                empty > 0 ? String.format(Locale.ROOT, "%.2f×", year / empty) : "–", target);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(300, TimeUnit.SECONDS);
    }
}
