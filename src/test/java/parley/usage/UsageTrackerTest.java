package parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import parley.store.Database;
import parley.store.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;

class UsageTrackerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneId.of("UTC"));
    private static final RequestOrigin ATLAS = new RequestOrigin("atlascloud", null, "conv-1", "m-1", LedgerEntry.WINDOW);
    private static final ChatRequest REQUEST = ChatRequest.of("deepseek-ai/deepseek-v3.2",
            List.of(ChatMessage.user("Say hello in five words.")));

    @TempDir Path dir;

    private UsageTracker tracker(Database c) {
        return new UsageTracker(new UsageLedger(c), new PriceBook(new PriceStore(c), new LocalMarkStore(new Settings(c)), CLOCK), new TokenEstimator(), CLOCK);
    }

    private static ChatResult result(String content, Usage usage) {
        return new ChatResult(content, "", "stop", usage, false, false, null, 120, 900);
    }

    @Test
    void aReportedUsageIsRecordedAsReportedAndPriced() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            LedgerEntry e = tracker(c).record(ATLAS, REQUEST, result("Hello there, how are you?",
                    new Usage(2000, 1000, 3000, 400, 1000)));
            assertThat(e.id()).isPositive();
            assertThat(e.tokens()).isEqualTo(new TokenCounts(2000, 1000, 400, 1000, false));
            // 1000 * 0.26 + 1000 * 0.13 + 1000 * 0.38 = 770 per million
            assertThat(e.costUsd()).isEqualByComparingTo("0.00077");
            assertThat(e.outcome()).isEqualTo(Outcome.OK);
            assertThat(e.ttftMillis()).isEqualTo(120);
            assertThat(e.durationMillis()).isEqualTo(900);
            assertThat(e.day()).isEqualTo(LocalDate.of(2026, 3, 10));
        }
    }

    @Test
    void withoutUsageTheTokensAreEstimatedAndMarked() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            LedgerEntry e = tracker(c).record(ATLAS, REQUEST, new ChatResult("Hello there, how are you?",
                    "The user wants a greeting.", null, null, true, false, null, 80, 500));
            assertThat(e.tokens().estimated()).isTrue();
            assertThat(e.tokens().prompt()).isPositive();
            assertThat(e.tokens().reasoning()).isPositive();
            assertThat(e.tokens().completion()).isGreaterThan(e.tokens().reasoning());
            assertThat(e.outcome()).isEqualTo(Outcome.TRUNCATED);
            assertThat(e.cost().estimated()).isTrue();
            assertThat(Money.format(e.cost())).startsWith("≈ $");
        }
    }

    @Test
    void aStoppedRequestIsStoppedAndEstimated() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            LedgerEntry e = tracker(c).record(ATLAS, REQUEST,
                    new ChatResult("Hel", "", null, null, false, true, null, 50, 60));
            assertThat(e.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(e.tokens().estimated()).isTrue();
        }
    }

    @Test
    void aRefusedRequestUsedNoTokens() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            ApiError unauthorized = new ApiError(ApiError.Kind.AUTHENTICATION, 401, null, "bad key");
            LedgerEntry e = tracker(c).record(ATLAS, REQUEST,
                    new ChatResult("", "", null, null, false, false, unauthorized, -1, 30));
            assertThat(e.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(e.tokens()).isEqualTo(TokenCounts.ZERO);
            assertThat(e.costUsd()).isEqualByComparingTo("0");
            assertThat(e.ttftMillis()).isNull();
        }
    }

    @Test
    void anUnknownPriceIsStoredAsUnknownAndStaysUnknownInTotals() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            UsageTracker t = tracker(c);
            RequestOrigin elsewhere = new RequestOrigin("someproxy", null, "conv-1", "m-2", LedgerEntry.WINDOW);
            t.record(ATLAS, REQUEST, result("hi", new Usage(1000, 1000, 2000, 0, 0)));
            LedgerEntry unknown = t.record(elsewhere, REQUEST.withModel("mystery-model"),
                    result("hi", new Usage(10, 10, 20, 0, 0)));
            assertThat(unknown.costUsd()).isNull();
            assertThat(Money.format(unknown.cost())).isEqualTo("price unknown");

            Cost today = t.spentToday();
            assertThat(today.isComplete()).isFalse();
            assertThat(today.known()).isEqualByComparingTo("0.00064");
            assertThat(Money.format(today)).isEqualTo("$0.000640 + unknown");
            assertThat(t.spentThisMonth().isComplete()).isFalse();
            assertThat(t.spent(UsageFilter.conversation("conv-1")).unknownParts()).isEqualTo(1);
            List<UsageTotal> byModel = UsageReport.group(t.ledger().entries(UsageFilter.ALL), GroupBy.MODEL);
            assertThat(byModel).extracting(UsageTotal::key).containsExactly("deepseek-ai/deepseek-v3.2", "mystery-model");
            assertThat(byModel.get(1).cost().isUnknown()).isTrue();
            UsageReport.DailyCosts daily = UsageReport.dailyCostsByModel(t.ledger().entries(UsageFilter.ALL));
            assertThat(daily.unknownByDay()).containsEntry(LocalDate.of(2026, 3, 10), 1);
        }
    }

    @Test
    void theLedgerSurvivesARestart() throws Exception {
        Path file = dir.resolve("p.db");
        try (Database c = TestDb.open(file)) {
            tracker(c).record(ATLAS, REQUEST, result("hi", new Usage(1000, 1000, 2000, 0, 0)));
        }
        try (Database c = TestDb.open(file)) {
            List<LedgerEntry> rows = new UsageLedger(c).entries(UsageFilter.ALL);
            assertThat(rows).hasSize(1);
            LedgerEntry e = rows.getFirst();
            assertThat(e.provider()).isEqualTo("atlascloud");
            assertThat(e.model()).isEqualTo("deepseek-ai/deepseek-v3.2");
            assertThat(e.costUsd()).isEqualByComparingTo("0.00064");
            assertThat(e.conversationId()).isEqualTo("conv-1");
            assertThat(e.origin()).isEqualTo("window");
            assertThat(e.messageId()).isEqualTo("m-1");
            assertThat(e.at()).isEqualTo(CLOCK.instant());
        }
    }

    @Test
    void theEstimateBeforeSendingGoesFromThePromptToAFullReply() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            SendEstimate estimate = tracker(c).estimate(ATLAS, REQUEST);
            assertThat(estimate.maxTokens()).isEqualTo(1024);
            long p = estimate.promptTokens();
            assertThat(estimate.low().known()).isEqualByComparingTo(new BigDecimal("0.26").multiply(BigDecimal.valueOf(p)).movePointLeft(6));
            assertThat(estimate.high().known()).isEqualByComparingTo(new BigDecimal("0.26").multiply(BigDecimal.valueOf(p))
                    .add(new BigDecimal("0.38").multiply(BigDecimal.valueOf(1024))).movePointLeft(6));
            assertThat(estimate.high().estimated()).isTrue();
        }
    }

    @Test
    void aLocalModelCostsNothing() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            RequestOrigin local = RequestOrigin.cli("ollama", null);
            LedgerEntry e = tracker(c).record(local, REQUEST.withModel("llama3.2"), result("hi", new Usage(10, 10, 20, 0, 0)));
            assertThat(e.costUsd()).isEqualByComparingTo("0");
        }
    }

    @Test
    void theBudgetAsksBeforeASendThatCouldPassTheDailyLimit() throws Exception {
        try (Database c = TestDb.open(dir.resolve("p.db"))) {
            UsageTracker t = tracker(c);
            t.record(ATLAS, REQUEST, result("hi", new Usage(1_000_000, 1_000_000, 2_000_000, 0, 0))); // $0.64
            BudgetSettings limit = new BudgetSettings(new BigDecimal("0.70"), null, false);
            ChatRequest big = new ChatRequest(REQUEST.model(), REQUEST.messages(), 200_000, null, null, null,
                    null, null, null, null, null); // up to 200k * 0.38 = $0.076 more
            assertThat(t.checkBudget(limit, ATLAS, big).verdict()).isEqualTo(BudgetCheck.Verdict.CONFIRM);
            assertThat(t.checkBudget(limit, ATLAS, REQUEST).verdict()).isEqualTo(BudgetCheck.Verdict.WARNING);
        }
    }
}
