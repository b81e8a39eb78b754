package parley.experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.api.ChatRequest;
import parley.api.ChatResult;

/**
 * One running experiment: a lane per provider, each starting its cells as its limit allows, a thread
 * per cell in flight. A cell the provider rate-limited goes back to the front of its lane (at most
 * {@link #MAX_REQUEUES} times) instead of failing; a failed cell never stops the others. Events go to
 * the listener one at a time, those of a cell in order; a listener that throws is logged and kept.
 */
public final class ExperimentRun {
    /** How often a cell may be sent again after its provider's retries still ended in a 429. */
    static final int MAX_REQUEUES = 5;
    private static final System.Logger LOG = System.getLogger(ExperimentRun.class.getName());

    private final Experiment experiment;
    private final List<Cell> cells;
    private final Function<Target, ChatBackend> backendOf;
    private final Map<Target, ChatBackend> backends = new ConcurrentHashMap<>();
    private final ExperimentLedger ledger;
    private final Consumer<ExperimentEvent> listener;
    private final RunningCalls calls = new RunningCalls();
    private final Checker checker;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<Integer, CellResult> results = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> requeues = new ConcurrentHashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object eventLock = new Object();
    private final long startNanos = System.nanoTime();
    private int done;
    private int running;
    private int failed;
    private boolean listenerFailed;

    ExperimentRun(Experiment experiment, List<Cell> cells, Function<Target, ChatBackend> backends,
                  ExperimentLedger ledger, Consumer<ExperimentEvent> listener) {
        this.experiment = experiment;
        this.cells = List.copyOf(cells);
        this.backendOf = backends;
        this.ledger = kept(ledger);
        this.listener = listener;
        this.checker = new Checker(this::backend, this.ledger, calls);
        Map<String, List<Cell>> byLane = new LinkedHashMap<>();
        for (Cell cell : this.cells) {
            byLane.computeIfAbsent(laneOf(cell.target()), k -> new ArrayList<>()).add(cell);
        }
        byLane.forEach((name, laneCells) ->
                lanes.put(name, new Lane(name, experiment.concurrency(), laneCells, System::nanoTime)));
    }

    /** A ledger that cannot be written leaves the cell as it ended, its cost unknown, and says so in the log. */
    private static ExperimentLedger kept(ExperimentLedger ledger) {
        return (target, request, result) -> {
            try {
                return ledger.recorded(target, request, result);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a request of an experiment was not written to the usage ledger", e);
                return null;
            }
        };
    }

    /** Cells of one provider (one base URL) share a lane, whatever their model. */
    static String laneOf(Target target) {
        return target.provider() + (target.baseUrl() == null ? "" : " " + target.baseUrl());
    }

    void begin() {
        CountDownLatch lanesDone = new CountDownLatch(lanes.size());
        for (Lane lane : lanes.values()) {
            Thread.ofVirtual().name("parley-experiment-lane").start(() -> {
                try {
                    dispatch(lane);
                } finally {
                    lanesDone.countDown();
                }
            });
        }
        Thread.ofVirtual().name("parley-experiment-end").start(() -> {
            try {
                lanesDone.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            emit(new ExperimentEvent.Finished(calls.stopped()));
            finished.countDown();
        });
    }

    private void dispatch(Lane lane) {
        try {
            for (Cell cell = lane.take(); cell != null; cell = lane.take()) {
                Cell next = cell;
                Thread.ofVirtual().name("parley-experiment-cell").start(() -> run(lane, next));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Lane lane, Cell cell) {
        boolean answered = false;
        boolean again = false;
        try {
            counts(+1, 0, 0);
            emit(new ExperimentEvent.CellStarted(cell.index()));
            ChatRequest request = CellRequests.request(experiment, cell);
            CellExecution execution = new CellExecution(cell, request, this::emit, lane::slowDown);
            Instant startedAt = Instant.now();
            ChatResult result = send(execution, cell.target());
            if (CellExecution.rateLimited(result) && !calls.cancelled(cell.index())
                    && requeues.merge(cell.index(), 1, Integer::sum) <= MAX_REQUEUES) {
                again = true;
                if (execution.lastWait() == null) {
                    lane.slowDown(CellExecution.DEFAULT_WAIT.multipliedBy(1L << requeues.get(cell.index())));
                    emit(new ExperimentEvent.CellWaiting(cell.index(), CellExecution.DEFAULT_WAIT.toMillis()
                            << requeues.get(cell.index())));
                }
                counts(-1, 0, 0);
                return;
            }
            answered = result.ok();
            end(cell, request, execution.result(result, ledger.recorded(cell.target(), request, result), startedAt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "experiment cell " + cell.index() + " failed", e);
            end(cell, null, new CellExecution(cell, null, this::emit, lane::slowDown)
                    .result(CellExecution.unsent(String.valueOf(e.getMessage())), null, Instant.now()));
        } finally {
            if (again) {
                lane.again(cell);
            } else {
                lane.ended(answered);
            }
        }
    }

    private ChatResult send(CellExecution execution, Target target) throws InterruptedException {
        ChatBackend backend;
        try {
            backend = backend(target);
        } catch (IllegalArgumentException e) {
            return CellExecution.unsent(e.getMessage());
        }
        return execution.send(backend, calls);
    }

    private ChatBackend backend(Target target) {
        return backends.computeIfAbsent(target, backendOf);
    }

    private void end(Cell cell, ChatRequest request, CellResult result) {
        CellResult checked = result;
        if (result.whole() && request != null && !experiment.checks().isEmpty() && !calls.stopped()) {
            try {
                checked = result.withVerdicts(checker.verdicts(experiment.checks(), request, result));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        results.put(cell.index(), checked);
        boolean bad = checked.status() == CellStatus.FAILED || checked.status() == CellStatus.TRUNCATED;
        counts(-1, 1, bad ? 1 : 0);
        emit(new ExperimentEvent.CellEnded(checked));
    }

    private void counts(int runningChange, int doneChange, int failedChange) {
        synchronized (eventLock) {
            running += runningChange;
            done += doneChange;
            failed += failedChange;
            if (doneChange == 0 && runningChange <= 0) {
                return;
            }
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            Long eta = done == 0 ? null : done >= cells.size() ? 0L : elapsed * (cells.size() - done) / done;
            emit(new ExperimentEvent.Progress(done, running, failed, cells.size(), elapsed, eta));
        }
    }

    private void emit(ExperimentEvent event) {
        synchronized (eventLock) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                if (!listenerFailed) {
                    listenerFailed = true;
                    LOG.log(System.Logger.Level.WARNING, "an experiment listener failed (later failures are not logged)", e);
                }
            }
        }
    }

    /** Starts nothing more and stops every request in flight; what arrived stays in their results. */
    public void stop() {
        lanes.values().forEach(Lane::stop);
        calls.stopAll();
    }

    /**
     * Cancels one cell: its request in flight is closed (what arrived stays in its result, which ends
     * {@link CellStatus#STOPPED}), or, when it has not been sent yet, it ends so when its turn comes.
     * The other cells go on.
     */
    public void cancel(int cell) {
        calls.cancel(cell);
    }

    /** Waits until every cell asked for has ended or the run was stopped and its requests closed. */
    public void await() throws InterruptedException {
        finished.await();
    }

    /** Like {@link #await()}, at most {@code timeout}; false when it ran out first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isDone() { return finished.getCount() == 0; }

    /** The cells that ended so far, by cell index. */
    public List<CellResult> results() {
        return results.values().stream().sorted(Comparator.comparingInt(CellResult::cell)).toList();
    }

    /** The sum of the known costs of the cells that ended and of their judges. */
    public BigDecimal knownCost() {
        BigDecimal sum = BigDecimal.ZERO;
        for (CellResult result : results.values()) {
            if (result.costUsd() != null) sum = sum.add(result.costUsd());
            for (Verdict verdict : result.verdicts()) {
                if (verdict.judgeCostUsd() != null) sum = sum.add(verdict.judgeCostUsd());
            }
        }
        return sum;
    }

    /** The cells of this run, in the order they were given. */
    public List<Cell> cells() { return cells; }

    public Experiment experiment() { return experiment; }
}
