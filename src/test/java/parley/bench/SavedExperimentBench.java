package parley.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import parley.api.Usage;
import parley.app.AppDatabase;
import parley.chat.ChatSettings;
import parley.experiment.CellResult;
import parley.experiment.CellStatus;
import parley.experiment.Check;
import parley.experiment.Experiment;
import parley.experiment.ExperimentStore;
import parley.experiment.InputRow;
import parley.experiment.ParamAxis;
import parley.experiment.ParamValue;
import parley.experiment.Prompt;
import parley.experiment.SavedExperiment;
import parley.experiment.Target;
import parley.experiment.Verdict;
import parley.store.Database;

/**
 * How long a saved experiment of 1,000 cells takes to open: 4 models × 5 temperatures × 10 input
 * rows × 5 repeats, each reply about 1,600 characters with reasoning and two verdicts. Saves it into a
 * fresh database (one transaction per cell, as the runner saves them), then times, in one JVM, the
 * first open (database file opened, list read, experiment loaded, as the window does it) and 20 loads
 * after it, in wall time and in the CPU time of the thread that opens (the machine it runs on may be
 * busy with other work), and the heap the loaded experiment holds. Run with
 * {@code mvn -Pbench -DskipTests test -Dbench.main=parley.bench.SavedExperimentBench}.
 */
public final class SavedExperimentBench {
    private static final int WARM_LOADS = 20;

    private SavedExperimentBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("parley-bench-experiments");
        Path file = dir.resolve("parley.db");
        Experiment experiment = experiment();
        long saveStart = System.nanoTime();
        try (Database db = AppDatabase.open(file)) {
            ExperimentStore store = new ExperimentStore(db);
            store.saveDefinition(experiment);
            for (int cell = 0; cell < experiment.cellCount(); cell++) {
                store.saveResult(experiment.id(), result(cell));
            }
        }
        double saveMs = (System.nanoTime() - saveStart) / 1e6;

        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long openStart = System.nanoTime();
        SavedExperiment first;
        double dbMs, listMs;
        try (Database db = AppDatabase.open(file)) {
            dbMs = (System.nanoTime() - openStart) / 1e6;
            ExperimentStore store = new ExperimentStore(db);
            String id = store.list().getFirst().id();
            listMs = (System.nanoTime() - openStart) / 1e6 - dbMs;
            first = store.load(id).orElseThrow();
        }
        double firstMs = (System.nanoTime() - openStart) / 1e6;
        double firstLoadMs = firstMs - dbMs - listMs;
        double firstCpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;

        double[] warm = new double[WARM_LOADS];
        double[] warmCpu = new double[WARM_LOADS];
        long heldBytes;
        try (Database db = AppDatabase.open(file)) {
            ExperimentStore store = new ExperimentStore(db);
            for (int i = 0; i < WARM_LOADS; i++) {
                long start = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                store.load(experiment.id()).orElseThrow();
                warm[i] = (System.nanoTime() - start) / 1e6;
                warmCpu[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            }
            first = null;
            long before = usedAfterGc();
            SavedExperiment held = store.load(experiment.id()).orElseThrow();
            heldBytes = usedAfterGc() - before;
            if (held.results().size() != experiment.cellCount()) {
                throw new IllegalStateException("loaded " + held.results().size() + " results");
            }
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf(Locale.ROOT, "saved experiment of %d cells, database %.1f MB%n", experiment.cellCount(),
                Files.size(file) / 1e6);
        System.out.printf(Locale.ROOT, "save, one transaction per cell: %.0f ms%n", saveMs);
        System.out.printf(Locale.ROOT, "first open in this JVM: %.0f ms (database file %.0f ms, list %.0f ms,"
                + " load %.0f ms); CPU time of the opening thread %.0f ms%n", firstMs, dbMs, listMs, firstLoadMs,
                firstCpuMs);
        System.out.printf(Locale.ROOT, "load after warm-up: median %.1f ms, min %.1f ms, max %.1f ms (%d loads);"
                + " CPU time median %.1f ms%n", warm[WARM_LOADS / 2], warm[0], warm[WARM_LOADS - 1], WARM_LOADS,
                warmCpu[WARM_LOADS / 2]);
        System.out.printf(Locale.ROOT, "heap held by the loaded experiment: %.1f MB%n", heldBytes / 1e6);
        System.out.printf(Locale.ROOT, "target: opens (list and first load) in <= 500 ms: %s; load average %.1f%n",
                listMs + firstLoadMs <= 500 ? "met" : "NOT met",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Experiment experiment() {
        List<Target> targets = List.of(new Target("atlascloud", null, "deepseek-ai/deepseek-v3.2"),
                new Target("atlascloud", null, "deepseek-ai/deepseek-v3.2-speciale"),
                new Target("deepseek", null, "deepseek-chat"), new Target("local", "http://127.0.0.1:8080/v1", "qwen3-4b"));
        List<ParamValue> temperatures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            temperatures.add(ParamValue.of(i * 0.3));
        }
        List<InputRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("place", "Harbour " + i);
            values.put("season", i % 2 == 0 ? "spring" : "autumn");
            rows.add(new InputRow(values));
        }
        return new Experiment("bench-1000", "Tides, 1,000 cells",
                Prompt.of("You are terse.", "Why are the tides so high in {{place}} in {{season}}?"),
                ChatSettings.defaults(), targets, List.of(new ParamAxis("temperature", temperatures)), rows, 5, 4,
                List.of(new Check.Contains("tide"), new Check.MaxTokens(600)), Instant.parse("2026-12-07T10:00:00Z"));
    }

    private static CellResult result(int cell) {
        String reply = ("Cell " + cell + ": the shape of the bay funnels the Atlantic tide, and the shelf is shallow. ")
                .repeat(18);
        return new CellResult(cell, cell % 50 == 7 ? CellStatus.FAILED : CellStatus.COMPLETED, reply,
                "Think about the bay and the shelf. ".repeat(10), "stop", new Usage(60, 400, 460, 80, 20), false,
                new BigDecimal("0.000214"), 300L + cell % 100, 4000L + cell, 100.0, null,
                List.of(new Verdict(0, true, "found", null, null), new Verdict(1, true, "400 tokens", null, null)),
                cell % 3 == 0 ? 4 : null, Instant.parse("2026-12-07T10:00:00Z").plusMillis(cell * 10L));
    }
}
