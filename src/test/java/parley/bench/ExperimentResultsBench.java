package parley.bench;

import atlantafx.base.theme.PrimerLight;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import parley.api.Usage;
import parley.chat.ChatSettings;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.experiment.Prompt;
import parley.experiment.Target;
import parley.ui.UiThread;
import parley.ui.experiment.results.ResultsFeed;
import parley.ui.experiment.results.ResultsModel;
import parley.ui.experiment.results.ResultsView;

/**
 * 100 cells streaming at once into the experiment's columns view, on Monocle: 10 models × 10
 * temperatures, columns by model (8 of the 10 columns on screen), each cell 2,000 tokens at 100
 * tokens/s fed from one thread through {@link ResultsFeed} as a runner would. Measures the longest
 * pause between pulses, the heap held (the largest heap left after a collection) and, for each cell,
 * the time from its last delta's arrival to the first laid-out frame that shows it (on screen for the
 * cards in view, in the published model for the rows scrolled away), and the share of the run the
 * FX thread and the render thread were busy (their CPU time over the wall time). Prints figures; asserts nothing.
 *
 * <p>Run: {@code mvn -o -q test -Dtest=ExperimentResultsBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
class ExperimentResultsBench {
    private static final int MODELS = 10;
    private static final int VALUES = 10;
    private static final int TOKENS = 2_000;
    private static final int WARM_UP_TOKENS = 300;
    private static final int PER_SECOND = 100;
    /** Cells start 10 ms apart, as a runner's lanes would send them. */
    private static final long STAGGER_NANOS = 10_000_000;
    private static final String[] WORDS = {" the", " quick", " brown", " fox", " jumps", " over", " a", " lazy",
            " dog", " and", " runs", " off", ",", " 世界", "\n", " résumé"};

    /** {@code -Dbench.profile=true} samples the FX thread during the measured run and prints where its time went. */
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Stage stage;

    record Figures(String name, int cells, int visibleColumns, double pauseMs, int pausesOver50, double heapHeldMb,
                   double visibleMaxMs, double visibleMedianMs, int visibleCells, double allMaxMs, double allMedianMs,
                   double fxBusy, double drawBusy) {
        String row() {
            return String.format(Locale.ROOT, "%-30s %5d %7d %9.1f %6d %9.1f %12.1f %12.1f %6d %10.1f %10.1f %8.0f%% %8.0f%%", name,
                    cells, visibleColumns, pauseMs, pausesOver50, heapHeldMb, visibleMaxMs, visibleMedianMs, visibleCells,
                    allMaxMs, allMedianMs, fxBusy * 100, drawBusy * 100);
        }
    }

    @Test
    void run() throws Exception {
        System.setProperty("headless.geometry", "2000x1100-32");
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setWidth(1980);
            stage.setHeight(1000);
            stage.show();
        });
        List<Figures> rows = new ArrayList<>();
        rows.add(stream("warm-up, 300 tokens a cell", WARM_UP_TOKENS));
        rows.add(stream("2,000 tokens a cell", TOKENS));
        System.out.printf(Locale.ROOT, "%n%d cells (%d models × %d temperatures), %d tokens/s each; load %s%n",
                MODELS * VALUES, MODELS, VALUES, PER_SECOND, loadAverage());
        System.out.printf(Locale.ROOT, "%-30s %5s %7s %9s %6s %9s %12s %12s %6s %10s %10s %9s %9s%n", "run", "cells", "columns",
                "pause ms", ">50ms", "held MB", "shown max ms", "shown med ms", "shown", "all max ms", "all med ms", "FX busy", "draw busy");
        rows.forEach(r -> System.out.println(r.row()));
    }

    private Figures stream(String name, int tokens) throws Exception {
        Experiment experiment = experiment();
        ResultsModel model = new ResultsModel();
        ResultsFeed feed = new ResultsFeed(model, UiThread.FX);
        onFx(() -> {
            model.begin(experiment);
            ResultsView view = new ResultsView(model, new ResultsView.Actions() {
                public void continueChat(Cell cell) {}

                public void showCode(Cell cell) {}

                public void retry(Cell cell) {}
            });
            if (stage.getScene() == null) stage.setScene(new Scene(view));
            else stage.getScene().setRoot(view);
            return null;
        });
        Thread.sleep(1500);
        int columns = onFx(this::visibleColumns);
        int cells = MODELS * VALUES;
        int[] lengths = new int[cells];
        String[] texts = new String[cells];
        for (int i = 0; i < cells; i++) {
            texts[i] = text(i, tokens);
            lengths[i] = texts[i].length();
        }
        Probe probe = new Probe(model, lengths);
        onFx(() -> { probe.install(stage.getScene()); return null; });
        FxSampler sampler = PROFILE && tokens == TOKENS ? FxSampler.start() : null;
        Thread producer = Thread.ofPlatform().name("bench-runner").start(() -> produce(feed, tokens, texts, probe));
        producer.join();
        probe.done.await(120, TimeUnit.SECONDS);
        Thread.sleep(200);
        onFx(() -> { probe.remove(stage.getScene()); return null; });
        if (sampler != null) sampler.stopAndPrint(40);
        return probe.figures(name, cells, columns);
    }

    /** Sends each cell's tokens on time, waking about once a millisecond as a network read would. */
    private static void produce(ResultsFeed feed, int tokens, String[] texts, Probe probe) {
        int cells = texts.length;
        int[] sent = new int[cells];
        int[] offset = new int[cells];
        long start = System.nanoTime();
        probe.firstDelta.set(start);
        int finished = 0;
        while (finished < cells) {
            long now = System.nanoTime();
            for (int i = 0; i < cells; i++) {
                if (sent[i] > tokens) continue;
                long since = now - start - i * STAGGER_NANOS;
                if (since < 0) continue;
                if (sent[i] == 0 && offset[i] == 0) feed.accept(new ExperimentEvent.CellStarted(i));
                long due = Math.min(tokens, since * PER_SECOND / 1_000_000_000L);
                while (sent[i] < due) {
                    String word = WORDS[(i + sent[i]) % WORDS.length];
                    feed.accept(new ExperimentEvent.CellDelta(i, word, ""));
                    offset[i] += word.length();
                    sent[i]++;
                }
                if (sent[i] == tokens) {
                    probe.arrived[i] = System.nanoTime();
                    feed.accept(new ExperimentEvent.CellEnded(result(i, texts[i], tokens)));
                    sent[i]++;
                    finished++;
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static String text(int cell, int tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < tokens; t++) sb.append(WORDS[(cell + t) % WORDS.length]);
        return sb.toString();
    }

    private static CellResult result(int cell, String text, int tokens) {
        long duration = tokens * 1000L / PER_SECOND;
        return new CellResult(cell, CellStatus.COMPLETED, text, "", "stop", new Usage(20, tokens, 20 + tokens, 0, 0),
                false, new BigDecimal("0.0021"), 180L, duration, (double) PER_SECOND, null, List.of(), null, Instant.now());
    }

    private static Experiment experiment() {
        List<Target> targets = new ArrayList<>();
        for (int m = 0; m < MODELS; m++) targets.add(new Target("local", "http://127.0.0.1:8080/v1", "model-" + m));
        List<ParamValue> temperatures = new ArrayList<>();
        for (int v = 0; v < VALUES; v++) temperatures.add(ParamValue.of(Math.round(v * 0.2 * 10) / 10.0));
        return new Experiment("bench", "bench", Prompt.of(null, "Tell a long story"), ChatSettings.defaults(), targets,
                List.of(new ParamAxis("temperature", temperatures)), List.of(), 1, 16, List.of(), Instant.now());
    }

    private int visibleColumns() {
        Scene scene = stage.getScene();
        return (int) scene.getRoot().lookupAll(".cell-card").stream().filter(ExperimentResultsBench::shown)
                .map(n -> n.localToScene(n.getBoundsInLocal()))
                .filter(b -> b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() && b.getMinY() < scene.getHeight())
                .map(Bounds::getMinX).distinct().count();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    /**
     * Watches pulses: the longest gap between two, and for each cell the first laid-out frame after
     * its last delta arrived that shows all of it.
     */
    private static final class Probe {
        final AtomicLong firstDelta = new AtomicLong();
        final long[] arrived;
        final long[] shownAt;
        final boolean[] onScreen;
        final CountDownLatch done = new CountDownLatch(1);
        private final ResultsModel model;
        private final int[] lengths;
        private final LiveHeap heap = new LiveHeap();
        private final List<Long> gaps = new ArrayList<>();
        private final Runnable afterLayout = this::afterLayout;
        private final AnimationTimer pulses;
        private long lastPulse;
        private long fxCpuStart;
        private long wallStart;
        private volatile double fxBusy;
        private long drawCpuStart;
        private volatile double drawBusy;
        private Scene scene;
        private int left;

        Probe(ResultsModel model, int[] lengths) {
            this.model = model;
            this.lengths = lengths;
            arrived = new long[lengths.length];
            shownAt = new long[lengths.length];
            onScreen = new boolean[lengths.length];
            left = lengths.length;
            pulses = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (lastPulse != 0 && firstDelta.get() != 0) gaps.add(t - lastPulse);
                    lastPulse = t;
                }
            };
        }

        void install(Scene target) {
            scene = target;
            fxCpuStart = THREADS.getCurrentThreadCpuTime();
            drawCpuStart = renderThreadCpu();
            wallStart = System.nanoTime();
            System.gc();
            heap.start();
            scene.addPostLayoutPulseListener(afterLayout);
            pulses.start();
        }

        void remove(Scene target) {
            long wall = System.nanoTime() - wallStart;
            fxBusy = (double) (THREADS.getCurrentThreadCpuTime() - fxCpuStart) / wall;
            drawBusy = (double) (renderThreadCpu() - drawCpuStart) / wall;
            target.removePostLayoutPulseListener(afterLayout);
            pulses.stop();
            heap.stop();
        }

        private void afterLayout() {
            long now = System.nanoTime();
            Map<Integer, javafx.scene.Parent> cards = null;
            for (int i = 0; i < arrived.length; i++) {
                if (shownAt[i] != 0 || arrived[i] == 0) continue;
                if (cards == null) cards = visibleReplies();
                javafx.scene.Parent text = cards.get(i);
                // a card in view shows the text laid out in this frame; a cell scrolled away has it published
                boolean whole = text != null ? shownLength(text) == lengths[i] : model.at(i).replyLength() == lengths[i];
                if (whole) {
                    shownAt[i] = now;
                    onScreen[i] = text != null;
                    if (--left == 0) done.countDown();
                }
            }
        }

        /** The reply's pieces are stacked Texts, cut at line breaks that they leave out. */
        private static int shownLength(javafx.scene.Parent reply) {
            int length = -1;
            for (Node piece : reply.getChildrenUnmodifiable()) length += ((Text) piece).getText().length() + 1;
            return length;
        }

        private Map<Integer, javafx.scene.Parent> visibleReplies() {
            Map<Integer, javafx.scene.Parent> map = new HashMap<>();
            for (Node card : scene.getRoot().lookupAll(".cell-card")) {
                if (!shown(card) || !(card.getUserData() instanceof Integer index)) continue;
                Bounds b = card.localToScene(card.getBoundsInLocal());
                if (b.getMaxX() < 0 || b.getMinX() > scene.getWidth() || b.getMaxY() < 0 || b.getMinY() > scene.getHeight()) continue;
                map.put(index, (javafx.scene.Parent) card.lookup(".cell-reply"));
            }
            return map;
        }

        Figures figures(String name, int cells, int columns) {
            long longest = gaps.stream().mapToLong(Long::longValue).max().orElse(0);
            int over = (int) gaps.stream().filter(g -> g > 50_000_000).count();
            double[] all = new double[cells];
            List<Double> visible = new ArrayList<>();
            for (int i = 0; i < cells; i++) {
                all[i] = (shownAt[i] - arrived[i]) / 1e6;
                if (onScreen[i]) visible.add(all[i]);
            }
            double[] seen = visible.stream().mapToDouble(Double::doubleValue).toArray();
            return new Figures(name, cells, columns, longest / 1e6, over, heap.peak() / 1024.0 / 1024.0,
                    max(seen), median(seen), seen.length, max(all), median(all), fxBusy, drawBusy);
        }
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
            peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

    /** CPU time of JavaFX's render thread, which draws each frame (in software on Monocle). */
    private static long renderThreadCpu() {
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) return THREADS.getThreadCpuTime(info.getThreadId());
        }
        return 0;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
