package parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import parley.api.ChatClient;
import parley.api.ClientConfig;
import parley.chat.ChatSettings;
import parley.experiment.CellResult;
import parley.experiment.Experiment;
import parley.experiment.ExperimentEvent;
import parley.experiment.ExperimentLedger;
import parley.experiment.ExperimentRun;
import parley.experiment.ExperimentRunner;
import parley.experiment.Prompt;
import parley.experiment.Target;

/**
 * The experiment runner's own cost: cells against a loopback server that answers every request at
 * once with a short stream (two deltas, the finish, usage), 16 in flight, no ledger. Prints cells
 * per second over measured rounds of 1,000 cells, then the heap in use (after a full GC) before a
 * run, halfway through it, at its end with every result held, and once the run is dropped, for runs
 * of 1,000 and 5,000 cells. Run with {@code mvn -Pbench -DskipTests test -Dbench.main=parley.bench.ExperimentRunnerBenchmark}.
 */
public final class ExperimentRunnerBenchmark {
    private static final int CONCURRENCY = 16;
    private static final int WARMUP_ROUNDS = 2;
    private static final int MEASURED_ROUNDS = 5;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ExperimentRunnerBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (LoopbackStreamServer server = new LoopbackStreamServer(body());
             ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), null))) {
            ExperimentRunner runner = new ExperimentRunner(target -> client, ExperimentLedger.NONE);
            Target target = new Target("custom", server.baseUrl(), "bench");
            System.out.printf(Locale.ROOT, "runner: loopback HTTP/1.1, a new connection per request, concurrency %d;"
                    + " %d cores, %s%n", CONCURRENCY, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                timed(runner, experiment(target, 1_000));
            }
            double[] rates = new double[MEASURED_ROUNDS];
            double[] bare = new double[MEASURED_ROUNDS];
            Experiment thousand = experiment(target, 1_000);
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                rates[round] = timed(runner, thousand);
                bare[round] = bare(client, parley.experiment.CellRequests.request(thousand,
                        parley.experiment.Cells.of(thousand).getFirst()), 1_000);
            }
            Arrays.sort(rates);
            Arrays.sort(bare);
            System.out.printf(Locale.ROOT, "%n%-44s %12s %10s %10s%n", "1,000 requests, " + MEASURED_ROUNDS + " rounds",
                    "median /s", "best /s", "worst /s");
            System.out.printf(Locale.ROOT, "%-44s %,12.0f %,10.0f %,10.0f%n", "experiment runner (cells)",
                    rates[MEASURED_ROUNDS / 2], rates[MEASURED_ROUNDS - 1], rates[0]);
            System.out.printf(Locale.ROOT, "%-44s %,12.0f %,10.0f %,10.0f%n", "ChatClient alone, 16 threads (requests)",
                    bare[MEASURED_ROUNDS / 2], bare[MEASURED_ROUNDS - 1], bare[0]);
            System.out.printf(Locale.ROOT, "%n%-8s %12s %12s %12s %12s %14s%n", "cells", "before MB", "halfway MB",
                    "end MB", "dropped MB", "held B/cell");
            for (int cells : List.of(1_000, 5_000)) {
                heapRow(runner, experiment(target, cells));
            }
        }
    }

    private static Experiment experiment(Target target, int cells) {
        ChatSettings base = ChatSettings.defaults().withMaxTokens(16);
        return new Experiment("bench", "bench", Prompt.of(null, "Say ok."), base, List.of(target), List.of(),
                List.of(), cells, CONCURRENCY, List.of(), null);
    }

    /** Runs the experiment; answers cells per second, after checking every cell answered whole. */
    private static double timed(ExperimentRunner runner, Experiment experiment) throws InterruptedException {
        long start = System.nanoTime();
        ExperimentRun run = runner.start(experiment, event -> { });
        run.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        check(run, experiment.cellCount());
        return experiment.cellCount() / seconds;
    }

    /** The same requests straight through the client from 16 virtual threads: what the runner adds to. */
    private static double bare(ChatClient client, parley.api.ChatRequest request, int count) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger whole = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (next.getAndIncrement() < count) {
                    try {
                        if (client.start(request, event -> { }).await().ok()) whole.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) thread.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (whole.get() != count) throw new IllegalStateException("only " + whole.get() + " of " + count + " answered");
        return count / seconds;
    }

    private static void heapRow(ExperimentRunner runner, Experiment experiment) throws InterruptedException {
        int total = experiment.cellCount();
        long before = usedAfterGc();
        AtomicLong halfway = new AtomicLong();
        CountDownLatch measured = new CountDownLatch(1);
        ExperimentRun run = runner.start(experiment, event -> {
            if (event instanceof ExperimentEvent.Progress p && p.done() == total / 2 && halfway.get() == 0) {
                halfway.set(-1);
                Thread.ofPlatform().start(() -> {
                    halfway.set(usedAfterGc());
                    measured.countDown();
                });
            }
        });
        run.await();
        measured.await();
        check(run, total);
        long end = usedAfterGc();
        List<CellResult> held = run.results();
        run = null;
        long heldBytes = end - before;
        held = null;
        long dropped = usedAfterGc();
        System.out.printf(Locale.ROOT, "%,-8d %12.1f %12.1f %12.1f %12.1f %,14d%n", total, before / 1e6, halfway.get() / 1e6,
                end / 1e6, dropped / 1e6, heldBytes / total);
    }

    private static void check(ExperimentRun run, int cells) {
        List<CellResult> results = run.results();
        if (results.size() != cells || !results.stream().allMatch(r -> r.whole() && r.content().equals("ok"))) {
            throw new IllegalStateException("not every cell answered whole: " + results.size() + " of " + cells);
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static byte[] body() {
        return ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"o\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"k\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}\n\n"
                + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
    }

}
