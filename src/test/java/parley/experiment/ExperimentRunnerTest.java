package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.chat.ChatSettings;

class ExperimentRunnerTest {
    static final ChatSettings BASE = ChatSettings.defaults().withMaxTokens(8).withTemperature(null);
    private final ModelServer server = new ModelServer();
    private final List<ExperimentEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() { server.close(); }

    static Experiment experiment(Prompt prompt, List<Target> targets, List<ParamAxis> axes, List<InputRow> rows,
                                 int repeats, int concurrency, List<Check> checks) {
        return new Experiment("e", "test", prompt, BASE, targets, axes, rows, repeats, concurrency, checks, null);
    }

    private ExperimentRun run(Experiment experiment, Function<Target, ChatBackend> backends) throws InterruptedException {
        ExperimentRun run = new ExperimentRunner(backends, ExperimentLedger.NONE).start(experiment, events::add);
        assertThat(run.await(Duration.ofSeconds(30))).as("the run ended").isTrue();
        return run;
    }

    @Test
    void theCrossProductIsExactOnTheWire() throws Exception {
        Experiment experiment = experiment(Prompt.of(null, "About {{city}}"),
                List.of(server.target("model-a"), server.target("model-b")),
                List.of(ParamAxes.parse("temperature=0,omit"), ParamAxes.parse("seed=1,2")),
                List.of(new InputRow(Map.of("city", "Lyon")), new InputRow(Map.of("city", "Oslo"))), 2, 4, List.of());
        ExperimentRun run = run(experiment, ModelServer.only(server.client(0)));

        assertThat(run.results()).hasSize(32).allSatisfy(r -> assertThat(r.status()).isEqualTo(CellStatus.COMPLETED));
        Map<String, Integer> onTheWire = new HashMap<>();
        for (JsonNode body : server.bodies) {
            onTheWire.merge(ModelServer.echo(body), 1, Integer::sum);
        }
        Map<String, Integer> expected = new HashMap<>();
        for (Cell cell : Cells.of(experiment)) {
            String text = cell.target().model() + " t=" + (cell.params().get("temperature").omitted() ? "-" : "0.0")
                    + " s=" + cell.params().get("seed").value() + " About " + cell.vars().values().get("city");
            expected.merge(text, 1, Integer::sum);
            assertThat(run.results().get(cell.index()).content()).as("cell %d", cell.index()).isEqualTo(text);
        }
        assertThat(onTheWire).isEqualTo(expected).hasSize(16).allSatisfy((k, v) -> assertThat(v).isEqualTo(2));
        assertThat(server.bodies).allSatisfy(b -> assertThat(b.get("max_tokens").asInt()).isEqualTo(8));
        assertThat(server.bodies.stream().filter(b -> !b.has("temperature"))).hasSize(16);
        assertThat(events.getLast()).isEqualTo(new ExperimentEvent.Finished(false));
    }

    @Test
    void theConcurrencyLimitPerProviderIsNeverExceeded() throws Exception {
        try (ModelServer other = new ModelServer()) {
            server.delay("model-a", 80);
            other.delay("model-b", 40);
            Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a"), other.target("model-b")),
                    List.of(), List.of(), 12, 3, List.of());
            ChatBackend a = server.client(0);
            ChatBackend b = other.client(0);
            ExperimentRun run = run(experiment, t -> t.baseUrl().equals(server.baseUrl()) ? a : b);
            assertThat(run.results()).hasSize(24).allMatch(CellResult::whole);
            assertThat(server.server.maxInFlight()).isEqualTo(3);
            assertThat(other.server.maxInFlight()).isEqualTo(3);
        }
    }

    @Test
    void aRateLimitWithRetryAfterPausesTheLaneAndTheCellsStillAnswer() throws Exception {
        server.delay("model-a", 150).rateLimit(2, "1");
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")),
                List.of(), List.of(), 8, 4, List.of());
        List<long[]> starts = new CopyOnWriteArrayList<>();
        List<Long> waits = new CopyOnWriteArrayList<>();
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(2)), ExperimentLedger.NONE)
                .start(experiment, e -> {
                    events.add(e);
                    if (e instanceof ExperimentEvent.CellStarted s) starts.add(new long[] {s.cell(), System.nanoTime()});
                    if (e instanceof ExperimentEvent.CellWaiting) waits.add(System.nanoTime());
                });
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();

        assertThat(run.results()).hasSize(8).allMatch(CellResult::whole);
        assertThat(events).filteredOn(ExperimentEvent.CellWaiting.class::isInstance)
                .extracting(e -> ((ExperimentEvent.CellWaiting) e).waitMillis()).containsOnly(1000L).hasSize(2);
        assertThat(server.server.requestCount()).as("two cells sent again by the client").isEqualTo(10);
        long firstWait = waits.getFirst();
        assertThat(starts).hasSize(8);
        assertThat(starts.subList(4, 8)).as("no cell starts while the lane waits")
                .allSatisfy(s -> assertThat(s[1] - firstWait).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(900)));
    }

    @Test
    void onlyTheFailedCellsRunAgain() throws Exception {
        server.failing("flaky", 400);
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a"), server.target("flaky")),
                List.of(ParamAxes.parse("temperature=0,1")), List.of(), 1, 4, List.of());
        ExperimentRunner runner = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.NONE);
        ExperimentRun first = runner.start(experiment, events::add);
        assertThat(first.await(Duration.ofSeconds(10))).isTrue();
        List<Integer> failed = first.results().stream().filter(r -> r.status() == CellStatus.FAILED).map(CellResult::cell).toList();
        assertThat(failed).containsExactly(2, 3);

        server.failing("flaky", 0);
        server.bodies.clear();
        List<Cell> again = Cells.of(experiment).stream().filter(c -> failed.contains(c.index())).toList();
        ExperimentRun second = runner.start(experiment, again, events::add);
        assertThat(second.await(Duration.ofSeconds(10))).isTrue();
        assertThat(second.results()).extracting(CellResult::cell).containsExactly(2, 3);
        assertThat(second.results()).allMatch(CellResult::whole);
        assertThat(server.bodies).hasSize(2).allSatisfy(b -> assertThat(b.get("model").asText()).isEqualTo("flaky"));
    }

    @Test
    void aRateLimitThatOutlastsTheClientsRetriesSendsTheCellAgain() throws Exception {
        server.rateLimit(1, "0.2");
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")),
                List.of(), List.of(), 1, 4, List.of());
        ExperimentRun run = run(experiment, ModelServer.only(server.client(0)));
        assertThat(run.results()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CellStatus.COMPLETED));
        assertThat(server.server.requestCount()).isEqualTo(2);
        assertThat(events).filteredOn(ExperimentEvent.CellStarted.class::isInstance).hasSize(2);
    }

    @Test
    void aFailingModelFailsOnlyItsCells() throws Exception {
        server.failing("down", 500);
        Target missingKey = new Target("deepseek", null, "deepseek-chat");
        Experiment experiment = experiment(Prompt.of(null, "Hi"),
                List.of(server.target("model-a"), server.target("down"), missingKey), List.of(), List.of(), 3, 2, List.of());
        ChatBackend client = server.client(0);
        ExperimentRun run = run(experiment, t -> {
            if (t.equals(missingKey)) throw new IllegalArgumentException("No API key for DeepSeek: set DEEPSEEK_API_KEY");
            return client;
        });
        List<CellResult> results = run.results();
        assertThat(results).hasSize(9);
        assertThat(results.subList(0, 3)).allMatch(CellResult::whole);
        assertThat(results.subList(3, 6)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CellStatus.FAILED);
            assertThat(r.error().kind()).isEqualTo(ApiError.Kind.SERVER);
            assertThat(r.error().message()).contains("down is down");
        });
        assertThat(results.subList(6, 9)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CellStatus.FAILED);
            assertThat(r.error().message()).isEqualTo("No API key for DeepSeek: set DEEPSEEK_API_KEY");
        });
        ExperimentEvent.Progress last = (ExperimentEvent.Progress) events.stream()
                .filter(ExperimentEvent.Progress.class::isInstance).reduce((a, b) -> b).orElseThrow();
        assertThat(last).extracting(ExperimentEvent.Progress::done, ExperimentEvent.Progress::failed,
                ExperimentEvent.Progress::running, ExperimentEvent.Progress::etaMillis).containsExactly(9, 6, 0, 0L);
    }

    @Test
    void stopCancelsTheRunningCellsAndKeepsWhatArrived() throws Exception {
        server.says("model-a", "partial+rest").pauseMidway(20_000);
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")),
                List.of(), List.of(), 6, 2, List.of());
        CountDownLatch twoPieces = new CountDownLatch(2);
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.NONE)
                .start(experiment, e -> {
                    events.add(e);
                    if (e instanceof ExperimentEvent.CellDelta) twoPieces.countDown();
                });
        assertThat(twoPieces.await(10, TimeUnit.SECONDS)).isTrue();
        long stopAt = System.nanoTime();
        run.stop();
        assertThat(run.await(Duration.ofSeconds(5))).isTrue();
        assertThat(System.nanoTime() - stopAt).isLessThan(TimeUnit.SECONDS.toNanos(3));
        assertThat(run.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(CellStatus.STOPPED);
            assertThat(r.content()).isEqualTo("partia");
        });
        assertThat(server.server.requestCount()).isEqualTo(2);
        assertThat(events.getLast()).isEqualTo(new ExperimentEvent.Finished(true));
    }

    @Test
    void cancelEndsOneCellAndTheOthersGoOn() throws Exception {
        server.says("model-a", "partial+rest").pauseMidway(1500);
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a"), server.target("model-b")),
                List.of(), List.of(), 1, 1, List.of());
        CountDownLatch firstPiece = new CountDownLatch(1);
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.NONE)
                .start(experiment, e -> {
                    events.add(e);
                    if (e instanceof ExperimentEvent.CellDelta d && d.cell() == 0) firstPiece.countDown();
                });
        run.cancel(1); // not sent yet: one lane, one cell at a time
        assertThat(firstPiece.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel(0);
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(run.results()).extracting(CellResult::status).containsExactly(CellStatus.STOPPED, CellStatus.STOPPED);
        assertThat(run.results().getFirst().content()).isEqualTo("partia");
        assertThat(run.results().getLast().content()).isEmpty();
        assertThat(events.getLast()).isEqualTo(new ExperimentEvent.Finished(false));
    }

    @Test
    void aCancelledCellLeavesTheOthersWhole() throws Exception {
        server.says("model-a", "partial+rest").pauseMidway(1500);
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")),
                List.of(), List.of(), 3, 3, List.of());
        CountDownLatch pieces = new CountDownLatch(3);
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.NONE)
                .start(experiment, e -> {
                    events.add(e);
                    if (e instanceof ExperimentEvent.CellDelta) pieces.countDown();
                });
        assertThat(pieces.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel(1);
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(run.results()).extracting(CellResult::status)
                .containsExactly(CellStatus.COMPLETED, CellStatus.STOPPED, CellStatus.COMPLETED);
        assertThat(run.results().get(0).content()).isEqualTo("partial+rest");
    }

    @Test
    void aChatsBackendFactoryServesTheTargets() throws Exception {
        List<ChatSettings> asked = new CopyOnWriteArrayList<>();
        ChatBackend client = server.client(0);
        Function<Target, ChatBackend> backends = ExperimentRunner.backendsOf(settings -> {
            asked.add(settings);
            return client;
        });
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")), List.of(), List.of(), 2, 2, List.of());
        ExperimentRun run = run(experiment, backends);
        assertThat(run.results()).hasSize(2).allMatch(CellResult::whole);
        assertThat(asked).singleElement().satisfies(s -> {
            assertThat(s.providerId()).isEqualTo("custom");
            assertThat(s.baseUrl()).isEqualTo(server.baseUrl());
            assertThat(s.model()).isEqualTo("model-a");
        });
    }

    @Test
    void aLedgerThatCannotBeWrittenLeavesTheCellsAnswered() throws Exception {
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")), List.of(), List.of(), 2, 2, List.of());
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), (t, request, result) -> {
            throw new IllegalStateException("the database is locked");
        }).start(experiment, events::add);
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(run.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.whole()).isTrue();
            assertThat(r.costUsd()).isNull();
        });
    }

    @Test
    void aListenerThatThrowsStopsNothing() throws Exception {
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a")),
                List.of(), List.of(), 3, 2, List.of());
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.NONE)
                .start(experiment, e -> { throw new IllegalStateException("broken view"); });
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(run.results()).hasSize(3).allMatch(CellResult::whole);
    }

    @Test
    void groupFiguresAndPassRates() throws Exception {
        server.says("model-a", "same");
        Experiment experiment = experiment(Prompt.of(null, "Hi"), List.of(server.target("model-a"), server.target("model-b")),
                List.of(), List.of(), 3, 4, List.of(new Check.Contains("same")));
        ExperimentRun run = run(experiment, ModelServer.only(server.client(0)));
        Map<String, GroupStats> stats = GroupStats.byGroup(Cells.of(experiment), run.results());
        assertThat(stats).hasSize(2);
        GroupStats a = stats.values().iterator().next();
        assertThat(a.cells()).isEqualTo(3);
        assertThat(a.answered()).isEqualTo(3);
        assertThat(a.distinctReplies()).isEqualTo(1);
        assertThat(a.completionTokens()).isEqualTo(new GroupStats.Figure(8.0, 8.0, 8.0, 3));
        assertThat(a.durationMillis().count()).isEqualTo(3);
        assertThat(a.costUsd()).isEqualTo(GroupStats.Figure.NONE);
        assertThat(stats.values()).last().extracting(GroupStats::distinctReplies).isEqualTo(1);
        Map<String, PassRates.Rate> rates = PassRates.by(Cells.of(experiment), run.results(), PassRates.byModel());
        assertThat(rates.values()).containsExactly(new PassRates.Rate(3, 3), new PassRates.Rate(0, 3));
    }

    @Test
    void figuresOfAGroupOfDifferentValues() {
        GroupStats.Figure figure = GroupStats.Figure.of(new ArrayList<>(List.of(4.0, 1.0, 3.0, 10.0)));
        assertThat(figure).isEqualTo(new GroupStats.Figure(3.5, 1.0, 10.0, 4));
        assertThat(GroupStats.Figure.of(List.of(2.0, 9.0, 1.0)).median()).isEqualTo(2.0);
    }
}
