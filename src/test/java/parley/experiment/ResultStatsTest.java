package parley.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.api.ApiError;
import parley.api.Usage;

class ResultStatsTest {
    private static CellResult result(int cell, CellStatus status, String content, Long ttft, Integer tokens, String cost,
                                     List<Verdict> verdicts, Integer rating) {
        return new CellResult(cell, status, content, "", "stop", new Usage(5, tokens, null, null, null), false,
                cost == null ? null : new BigDecimal(cost), ttft, 1000, tokens == null ? null : tokens / 2.0,
                status == CellStatus.FAILED ? new ApiError(ApiError.Kind.SERVER, 500, null, "down") : null,
                verdicts, rating, Instant.EPOCH);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndMissingFiguresAreLeftOut() {
        var group = ResultStats.group(List.of(
                result(0, CellStatus.COMPLETED, "a", 100L, 10, "0.1", List.of(), null),
                result(1, CellStatus.COMPLETED, "a ", 300L, 30, null, List.of(), null),
                result(2, CellStatus.TRUNCATED, "b", 200L, 40, "0.3", List.of(), null),
                result(3, CellStatus.COMPLETED, "c", 400L, 20, "0.2", List.of(), null),
                result(4, CellStatus.FAILED, "", null, null, null, List.of(), null)));
        assertThat(group.ended()).isEqualTo(5);
        assertThat(group.distinctReplies()).isEqualTo(3);
        assertThat(group.ttftMillis()).isEqualTo(new ResultStats.Spread(250.0, 100.0, 400.0, 4));
        assertThat(group.completionTokens().median()).isEqualTo(25.0);
        assertThat(group.costUsd()).isEqualTo(new ResultStats.Spread(0.2, 0.1, 0.3, 3));
        assertThat(group.durationMillis().count()).isEqualTo(4);
        assertThat(group.reasoningTokens().median()).isNull();
    }

    @Test
    void tallyCountsVerdictsAndRatingsAndCostSumsTheKnown() {
        Verdict pass = new Verdict(0, true, "ok", null, null);
        Verdict fail = new Verdict(1, false, "no", null, null);
        List<CellResult> results = List.of(
                result(0, CellStatus.COMPLETED, "a", 1L, 1, "0.5", List.of(pass, fail), 4),
                result(1, CellStatus.COMPLETED, "b", 1L, 1, null, List.of(pass, pass), null),
                result(2, CellStatus.COMPLETED, "c", 1L, 1, "0.25", List.of(), 1));
        assertThat(ResultStats.tally(results)).isEqualTo(new ResultStats.Tally(3, 4, 5, 2));
        assertThat(ResultStats.tally(results).passRate()).isEqualTo(0.75);
        assertThat(ResultStats.tally(List.of()).passRate()).isNull();
        assertThat(ResultStats.cost(results)).isEqualByComparingTo("0.75");
    }
}
