package parley.bench;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.ui.UiThread;
import parley.ui.chat.ChatView;
import parley.ui.chat.ChatViewModel;
import parley.ui.chat.MessageItem;
import parley.ui.markdown.MarkdownView;

/**
 * Streaming speed of the transcript, on Monocle: 100,000 deltas of about 6 characters through the
 * chat service and the view model into the real {@link ChatView}, paced at 10,000 deltas/s and as
 * fast as possible, on an empty transcript and after 20 messages of 5,000 words; the same deltas
 * into a plain TextArea fed once per pulse as the baseline. Prints figures; asserts nothing about time.
 *
 * <p>Run: {@code mvn -o -q test -Dtest=TranscriptBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TranscriptBench {
    private static final int DELTAS = 100_000;
    private static final int PACED_PER_SECOND = 10_000;
    /** The paced producer wakes about once a millisecond and sends the deltas that are due (about 10), as a network read would. */
    private static final long PACE_TICK_NANOS = 1_000_000;
    private static final int HISTORY_MESSAGES = 20;
    /** {@code -Dbench.gaps=true} prints every gap between pulses over 40 ms with the time it ended. */
    private static final boolean SHOW_GAPS = Boolean.getBoolean("bench.gaps");
    private static final int HISTORY_WORDS = 5_000;
    private static final List<String> PIECES = pieces();
    private static final int TOTAL = PIECES.stream().mapToInt(String::length).sum();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Stage stage;

    record Figures(String name, double longestPauseMs, double lastToScreenMs, double firstToScreenMs,
                   double allBuiltMs, double liveHeapMb, double peakHeapMb, double fxCpuMs, double renderCpuMs,
                   double processCpuMs) {
        String row() {
            return String.format(Locale.ROOT, "%-38s %9.1f %12.1f %12.1f %10.1f %9.1f %9.1f %9.1f %9.1f %9.1f", name,
                    longestPauseMs, lastToScreenMs, firstToScreenMs, allBuiltMs, liveHeapMb, peakHeapMb, fxCpuMs,
                    renderCpuMs, processCpuMs);
        }
    }

    @Test
    void run() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setWidth(1000);
            stage.setHeight(800);
            stage.show();
        });
        if (Boolean.getBoolean("bench.profile")) {
            transcript("warm-up", false, false);
            java.util.Map<Long, Long> before = new java.util.HashMap<>();
            for (long id : THREADS.getAllThreadIds()) before.put(id, THREADS.getThreadCpuTime(id));
            FxSampler sampler = FxSampler.start();
            System.out.println(transcript("profiled: transcript flood, empty", false, false).row());
            sampler.stopAndPrint(40);
            for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info == null) continue;
                long used = THREADS.getThreadCpuTime(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
                if (used > 20_000_000) System.out.printf("%8.1f ms  %s%n", used / 1e6, info.getThreadName());
            }
            return;
        }
        List<Figures> rows = new ArrayList<>();
        rows.add(transcript("transcript paced, empty (cold)", true, false));
        baseline("textarea paced, empty (warm-up)", true, false);
        transcript("transcript flood, history (warm-up)", false, true);
        rows.add(transcript("transcript paced, empty", true, false));
        rows.add(transcript("transcript paced, 20 long messages", true, true));
        rows.add(transcript("transcript flood, empty", false, false));
        rows.add(transcript("transcript flood, 20 long messages", false, true));
        rows.add(baseline("textarea paced, empty", true, false));
        rows.add(baseline("textarea paced, 20 long messages", true, true));
        rows.add(baseline("textarea flood, empty", false, false));
        rows.add(baseline("textarea flood, 20 long messages", false, true));

        System.out.printf(Locale.ROOT, "%n%d deltas, %d characters; paced at %d/s; history %d messages of %d words%n",
                DELTAS, TOTAL, PACED_PER_SECOND, HISTORY_MESSAGES, HISTORY_WORDS);
        System.out.printf(Locale.ROOT, "%-38s %9s %12s %12s %10s %9s %9s %9s %9s %9s%n", "run", "pause ms", "last→screen",
                "first→screen", "all built", "live MB", "heap MB", "FX cpu", "draw cpu", "all cpu");
        rows.forEach(r -> System.out.println(r.row()));
        Figures pacedEmpty = rows.get(1);
        Figures pacedHistory = rows.get(2);
        Figures floodEmpty = rows.get(3);
        Figures floodHistory = rows.get(4);
        System.out.printf(Locale.ROOT, "paced pause with history / without: %.2f%n",
                pacedHistory.longestPauseMs() / pacedEmpty.longestPauseMs());
        System.out.printf(Locale.ROOT, "flood first→screen vs textarea: empty %.2f, with history %.2f%n",
                floodEmpty.firstToScreenMs() / rows.get(7).firstToScreenMs(),
                floodHistory.firstToScreenMs() / rows.get(8).firstToScreenMs());
    }

    // ---- the real transcript

    private Figures transcript(String name, boolean paced, boolean history) throws Exception {
        BenchBackend backend = new BenchBackend();
        ChatService service = new ChatService(settings -> backend, request -> {});
        ChatViewModel model = onFx(() -> {
            ChatViewModel m = new ChatViewModel(service, UiThread.FX);
            show(new ChatView(m));
            return m;
        });
        if (history) fillHistory(service, backend, model);
        settle();

        // The view renders what the item receives in the same call, so the item's length is what the reply shows.
        int before = onFx(() -> model.items().size());
        ReplyView reply = new ReplyView(model, before + 2);
        Probe probe = new Probe(reply::shownLength, reply::caughtUp);
        onFx(() -> { probe.install(stage.getScene()); return null; });
        backend.next = events -> feed(paced, events::accept, probe);
        onFx(() -> {
            model.setDraft("Write at length.");
            model.send();
            return null;
        });
        if (SHOW_GAPS) System.out.println("run " + name + " started at " + java.time.Instant.now());
        Figures figures = probe.await(name);
        onFx(() -> { probe.remove(stage.getScene()); model.close(); return null; });
        return figures;
    }

    /** The reply of this run: found once when its card appears, then read without searching the scene. */
    private final class ReplyView {
        private final ChatViewModel model;
        private final int itemCount;
        private MessageItem item;
        private MarkdownView view;

        ReplyView(ChatViewModel model, int itemCount) {
            this.model = model;
            this.itemCount = itemCount;
        }

        int shownLength() {
            return find() ? item.content().length() : 0;
        }

        boolean caughtUp() {
            return find() && view.caughtUp();
        }

        private boolean find() {
            if (view != null) return true;
            if (model.items().size() < itemCount) return false;
            var cards = stage.getScene().getRoot().lookupAll(".chat-card-assistant");
            var body = cards.stream().reduce((x, y) -> y).map(card -> card.lookup(".chat-body")).orElse(null);
            if (!(body instanceof MarkdownView found)) return false;
            item = model.items().get(itemCount - 1);
            view = found;
            return true;
        }
    }

    private void fillHistory(ChatService service, BenchBackend backend, ChatViewModel model) throws Exception {
        String long5000 = words(HISTORY_WORDS);
        for (int i = 0; i < HISTORY_MESSAGES / 2; i++) {
            CountDownLatch ended = new CountDownLatch(1);
            var subscription = service.addListener(e -> { if (e instanceof ChatEvent.Ended) ended.countDown(); });
            backend.next = events -> events.accept(new StreamEvent.Delta(long5000));
            onFx(() -> {
                model.setDraft(long5000);
                model.send();
                return null;
            });
            ended.await(30, TimeUnit.SECONDS);
            subscription.close();
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> model.items().size() == HISTORY_MESSAGES
                && model.state() == ChatViewModel.State.IDLE));
    }

    // ---- the baseline: a TextArea fed once per pulse

    private Figures baseline(String name, boolean paced, boolean history) throws Exception {
        StringBuilder buffer = new StringBuilder();
        AtomicLong appended = new AtomicLong();
        TextArea area = onFx(() -> {
            TextArea a = new TextArea();
            a.setWrapText(true);
            a.setEditable(false);
            if (history) {
                StringBuilder all = new StringBuilder();
                String long5000 = words(HISTORY_WORDS);
                for (int i = 0; i < HISTORY_MESSAGES; i++) all.append(long5000).append("\n\n");
                a.setText(all.toString());
            }
            show(a);
            return a;
        });
        settle();
        Probe probe = new Probe(() -> (int) appended.get(), () -> true);
        AnimationTimer pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                String chunk;
                synchronized (buffer) {
                    if (buffer.isEmpty()) return;
                    chunk = buffer.toString();
                    buffer.setLength(0);
                }
                area.appendText(chunk);
                appended.addAndGet(chunk.length());
            }
        };
        onFx(() -> { probe.install(stage.getScene()); pump.start(); return null; });
        Thread.ofPlatform().daemon().start(() -> feed(paced, e -> {
            if (e instanceof StreamEvent.Delta d) synchronized (buffer) { buffer.append(d.text()); }
        }, probe));
        if (SHOW_GAPS) System.out.println("run " + name + " started at " + java.time.Instant.now());
        Figures figures = probe.await(name);
        onFx(() -> { pump.stop(); probe.remove(stage.getScene()); return null; });
        return figures;
    }

    // ---- feeding and measuring

    private static void feed(boolean paced, Consumer<StreamEvent> events, Probe probe) {
        long start = System.nanoTime();
        probe.firstDelta.set(start);
        long interval = 1_000_000_000L / PACED_PER_SECOND;
        for (int i = 0; i < DELTAS; i++) {
            if (paced) {
                long due = start + i * interval;
                while (due - System.nanoTime() > 0) LockSupport.parkNanos(PACE_TICK_NANOS);
            }
            events.accept(new StreamEvent.Delta(PIECES.get(i)));
        }
        probe.lastDelta.set(System.nanoTime());
        events.accept(new StreamEvent.Finish("stop"));
    }

    /**
     * Watches pulses: the largest gap between two, the first pulse that shows the end of the text,
     * the pulse after which every block is built, the peak of the sampled used heap and the peak of
     * the heap left after each collection (what the program holds, without its garbage).
     */
    private static final class Probe {
        private final IntSupplier shownLength;
        private final BooleanSupplier allBuilt;
        final AtomicLong firstDelta = new AtomicLong();
        final AtomicLong lastDelta = new AtomicLong();
        private final CompletableFuture<Long> onScreen = new CompletableFuture<>();
        private final CompletableFuture<Long> built = new CompletableFuture<>();
        private final AnimationTimer pulses;
        private final Runnable afterLayout = this::afterLayout;
        private final LiveHeap liveHeap = new LiveHeap();
        private volatile long peakHeap;
        private long fxCpuStart;
        private volatile boolean sampling = true;
        private long lastPulse;
        private volatile long fxCpu;
        private long renderCpuStart;
        private volatile long renderCpu;
        private long processCpuStart;
        private volatile long processCpuUsed;
        private long longestGap;

        Probe(IntSupplier shownLength, BooleanSupplier allBuilt) {
            this.shownLength = shownLength;
            this.allBuilt = allBuilt;
            pulses = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (lastPulse != 0 && firstDelta.get() != 0) {
                        longestGap = Math.max(longestGap, t - lastPulse);
                        if (SHOW_GAPS && t - lastPulse > 40_000_000) System.out.printf(Locale.ROOT, "gap %.1f ms ending at %s%n",
                                (t - lastPulse) / 1e6, java.time.Instant.now());
                    }
                    lastPulse = t;
                }
            };
        }

        void install(Scene scene) {
            fxCpuStart = THREADS.getCurrentThreadCpuTime();
            renderCpuStart = renderThreadCpu();
            processCpuStart = processCpu();
            System.gc();
            peakHeap = MEMORY.getHeapMemoryUsage().getUsed();
            liveHeap.start();
            Thread.ofPlatform().daemon().start(() -> {
                while (sampling) {
                    peakHeap = Math.max(peakHeap, MEMORY.getHeapMemoryUsage().getUsed());
                    LockSupport.parkNanos(2_000_000);
                }
            });
            scene.addPostLayoutPulseListener(afterLayout);
            pulses.start();
        }

        void remove(Scene scene) {
            scene.removePostLayoutPulseListener(afterLayout);
            pulses.stop();
            sampling = false;
            liveHeap.stop();
        }

        private void afterLayout() {
            if (lastDelta.get() == 0) return;
            if (!onScreen.isDone() && shownLength.getAsInt() >= TOTAL) {
                fxCpu = THREADS.getCurrentThreadCpuTime() - fxCpuStart;
                renderCpu = renderThreadCpu() - renderCpuStart;
                processCpuUsed = processCpu() - processCpuStart;
                onScreen.complete(System.nanoTime());
            }
            if (onScreen.isDone() && !built.isDone() && allBuilt.getAsBoolean()) built.complete(System.nanoTime());
        }

        Figures await(String name) throws Exception {
            long shown = onScreen.get(300, TimeUnit.SECONDS);
            long done = built.get(300, TimeUnit.SECONDS);
            Thread.sleep(100);
            sampling = false;
            double pause = onFx(() -> longestGap) / 1e6;
            return new Figures(name, pause, (shown - lastDelta.get()) / 1e6, (shown - firstDelta.get()) / 1e6,
                    (done - firstDelta.get()) / 1e6, liveHeap.peak() / 1024.0 / 1024.0,
                    peakHeap / 1024.0 / 1024.0, fxCpu / 1e6, renderCpu / 1e6, processCpuUsed / 1e6);
        }
    }

    /** The largest heap in use right after a garbage collection, from the collectors' notifications. */
    private static final class LiveHeap implements javax.management.NotificationListener {
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();
        private volatile long peak;

        LiveHeap() {
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) heapPools.add(pool.getName());
            }
        }

        void start() {
            peak = MEMORY.getHeapMemoryUsage().getUsed();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
            }
        }

        void stop() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // never added
                }
            }
        }

        long peak() {
            return peak;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long after = 0;
            for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(entry.getKey())) after += entry.getValue().getUsed();
            }
            peak = Math.max(peak, after);
        }
    }

    // ---- plumbing

    /** CPU time of JavaFX's render thread, which draws each frame (in software on Monocle). */
    private static long renderThreadCpu() {
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) return THREADS.getThreadCpuTime(info.getThreadId());
        }
        return 0;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void show(Parent root) {
        if (stage.getScene() == null) stage.setScene(new Scene(root, 1000, 800));
        else stage.getScene().setRoot(root);
        if (root instanceof ChatView view) view.warmUp(); // as the window does once it is shown
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 10; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        System.gc();
        Thread.sleep(200);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        if (Platform.isFxApplicationThread()) return action.call();
        return WaitForAsyncUtils.asyncFx(action).get(120, TimeUnit.SECONDS);
    }

    /** Markdown cut into pieces of six characters: paragraphs, headings, lists and code. */
    private static List<String> pieces() {
        StringBuilder text = new StringBuilder();
        int section = 0;
        while (text.length() < DELTAS * 6) {
            section++;
            text.append("## Part ").append(section).append("\n\n");
            text.append(words(70)).append("\n\n");
            text.append("- first point with **bold** words\n- second point with `code`\n\n");
            text.append(words(50)).append("\n\n");
            if (section % 3 == 0) text.append("```java\nint total = ").append(section).append(";\nreturn total;\n```\n\n");
        }
        List<String> pieces = new ArrayList<>(DELTAS);
        for (int i = 0; i < DELTAS; i++) pieces.add(text.substring(i * 6, i * 6 + 6));
        return pieces;
    }

    private static String words(int count) {
        String[] vocabulary = {"model", "token", "reply", "prompt", "stream", "answer", "reason", "tempo", "quick", "plain"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(i % 60 == 0 ? "\n\n" : " ");
            out.append(vocabulary[(i * 7 + i / 10) % vocabulary.length]);
        }
        return out.toString();
    }

    /** A backend whose next call runs the given script on its own thread, then finishes. */
    private static final class BenchBackend implements ChatBackend {
        volatile Consumer<Consumer<StreamEvent>> next;

        @Override
        public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
            Consumer<Consumer<StreamEvent>> script = next;
            CompletableFuture<ChatResult> done = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                script.accept(events);
                done.complete(new ChatResult(null, null, "stop", null, false, false, null, 0, 0));
            });
            return new ChatCall() {
                @Override
                public ChatResult await() throws InterruptedException {
                    try {
                        return done.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public boolean isDone() { return done.isDone(); }

                @Override
                public void close() {}
            };
        }
    }
}
