package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.app.AppDatabase;
import parley.store.Database;
import parley.usage.LedgerEntry;
import parley.usage.TokenCounts;
import parley.usage.UsageFilter;
import parley.usage.UsageService;

/** The checks on every reply (the judge included, its cost apart), and the ledger and estimate against the cells' costs. */
class ChecksAndLedgerTest {
    private final ModelServer server = new ModelServer();
    @TempDir Path home;
    private Database db;
    private UsageService usage;

    @BeforeEach
    void open() {
        db = AppDatabase.open(home.resolve(Database.FILE_NAME));
        usage = UsageService.over(db, Clock.systemDefaultZone());
        usage.setUserPrice("custom", "model-a", new BigDecimal("1.00"), new BigDecimal("3.00"), null);
        usage.setUserPrice("custom", "judge", new BigDecimal("10.00"), new BigDecimal("20.00"), null);
    }

    @AfterEach
    void close() {
        server.close();
        db.close();
    }

    private ExperimentRun run(Experiment experiment) throws InterruptedException {
        ExperimentRun run = new ExperimentRunner(ModelServer.only(server.client(0)), ExperimentLedger.over(usage.tracker()))
                .start(experiment, e -> { });
        assertThat(run.await(Duration.ofSeconds(30))).isTrue();
        return run;
    }

    @Test
    void everyKindOfCheckGivesItsVerdict() throws Exception {
        server.says("model-a", "```json\n{\"city\": \"Lyon\", \"n\": 3}\n```");
        server.says("judge", "SCORE: 4 - names the city");
        List<Check> checks = List.of(new Check.Contains("Lyon"), new Check.NotContains("Paris"), new Check.Contains("Paris"),
                new Check.Matches("\"n\": \\d"), new Check.ValidJson(),
                new Check.MatchesSchema("{\"type\":\"object\",\"required\":[\"city\",\"country\"]}"),
                new Check.MaxTokens(8), new Check.MaxTokens(7),
                new Check.Judge(server.target("judge"), "Names a French city.", 4),
                new Check.Judge(server.target("judge"), "Names a French city.", 5));
        Experiment experiment = ExperimentRunnerTest.experiment(Prompt.of(null, "A city as JSON"),
                List.of(server.target("model-a")), List.of(), List.of(), 1, 1, checks);
        CellResult result = run(experiment).results().getFirst();

        assertThat(result.verdicts()).extracting(Verdict::passed)
                .containsExactly(true, true, false, true, true, false, true, false, true, false);
        assertThat(result.verdicts().get(5).detail()).contains("country");
        assertThat(result.verdicts().get(7).detail()).isEqualTo("8 tokens, more than 7");
        Verdict judged = result.verdicts().get(8);
        assertThat(judged.score()).isEqualTo(4);
        assertThat(judged.detail()).isEqualTo("SCORE: 4 - names the city");
        assertThat(result.verdicts().get(0).judgeCostUsd()).isNull();

        List<LedgerEntry> ledger = usage.tracker().ledger().entries(UsageFilter.ALL);
        assertThat(ledger).hasSize(3).allMatch(e -> e.origin().equals(LedgerEntry.EXPERIMENT));
        LedgerEntry cell = ledger.stream().filter(e -> e.model().equals("model-a")).findFirst().orElseThrow();
        List<LedgerEntry> judges = ledger.stream().filter(e -> e.model().equals("judge")).toList();
        assertThat(result.costUsd()).isEqualByComparingTo(cell.costUsd());
        assertThat(judged.judgeCostUsd()).isEqualByComparingTo(judges.getFirst().costUsd());
        assertThat(judged.judgeCostUsd()).isGreaterThan(result.costUsd());
        assertThat(server.bodiesOf("judge")).allSatisfy(body -> {
            assertThat(body.get("temperature").asDouble()).isZero();
            assertThat(body.get("messages").get(1).get("content").asText())
                    .contains("Names a French city.", "A city as JSON", "{\"city\": \"Lyon\"");
        });
    }

    @Test
    void theLedgerAndTheEstimateAgreeWithTheCellsCosts() throws Exception {
        Experiment experiment = ExperimentRunnerTest.experiment(Prompt.of("Be brief.", "Tell me about {{city}}"),
                List.of(server.target("model-a")), List.of(ParamAxes.parse("max_tokens=4,8")),
                List.of(new parley.experiment.InputRow(java.util.Map.of("city", "Lyon")),
                        new parley.experiment.InputRow(java.util.Map.of("city", "Ouagadougou"))), 2, 2, List.of());
        ExperimentEstimate before = ExperimentEstimate.of(experiment, Cells.of(experiment), Pricing.over(usage.tracker()));
        ExperimentRun run = run(experiment);

        List<CellResult> results = run.results();
        assertThat(results).hasSize(8).allMatch(r -> r.costUsd() != null);
        BigDecimal cells = results.stream().map(CellResult::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ledger = usage.tracker().ledger().entries(UsageFilter.ALL).stream().map(LedgerEntry::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ledger).isEqualByComparingTo(cells);
        assertThat(run.knownCost()).isEqualByComparingTo(cells);
        // each reply used its max_tokens, and the server counted the prompt as the estimate does
        assertThat(before.worst().known()).isEqualByComparingTo(cells);
        assertThat(before.expected().known()).isEqualByComparingTo(cells);
        assertThat(before.cells()).isEqualTo(8);
        assertThat(before.requests()).isEqualTo(8);
        assertThat(before.needsConfirmation()).isFalse();
    }

    @Test
    void theExpectedReplyLengthComesFromTheLedgerWhenItKnowsTheModel() {
        Target target = server.target("model-a");
        Pricing fixed = new Pricing() {
            @Override
            public parley.usage.Cost cost(Target t, TokenCounts tokens) {
                return parley.usage.Cost.of(BigDecimal.valueOf(tokens.completion()), true);
            }

            @Override
            public Integer typicalReply(Target t) { return 100; }
        };
        Experiment experiment = new Experiment("e", "t", Prompt.of(null, "Hi"),
                ExperimentRunnerTest.BASE.withMaxTokens(1000), List.of(target), List.of(), List.of(), 3, 1,
                List.of(new Check.Judge(target, "Good.", 3)), null);
        ExperimentEstimate estimate = ExperimentEstimate.of(experiment, Cells.of(experiment), fixed);
        assertThat(estimate.requests()).isEqualTo(6);
        assertThat(estimate.expected().known()).isEqualByComparingTo("" + (3 * 100 + 3 * ExperimentEstimate.JUDGE_REPLY));
        assertThat(estimate.worst().known()).isEqualByComparingTo("" + (3 * 1000 + 3 * ExperimentEstimate.JUDGE_REPLY));
    }

    @Test
    void theJudgesScoreIsReadFromItsAnswer() {
        assertThat(JudgePrompt.score("SCORE: 5 - perfect")).isEqualTo(5);
        assertThat(JudgePrompt.score("**Score**: 2\nweak")).isEqualTo(2);
        assertThat(JudgePrompt.score("I give it a 3 out of 5")).isEqualTo(3);
        assertThat(JudgePrompt.score("Score 7")).isNull();
        assertThat(JudgePrompt.score("no idea")).isNull();
        assertThat(Checker.unfenced("```\n[1]\n```")).isEqualTo("[1]");
    }
}
