package parley.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import parley.api.ApiError;
import parley.api.Usage;

/**
 * What one cell gave: the reply and its reasoning, the finish reason, token counts, whether it was
 * cut ({@code truncated}), its cost ({@code costUsd} null when the price is unknown), time to first
 * token and duration in ms, tokens per second (null when it cannot be told), the error of a failed
 * cell, the checks' verdicts and the user's rating (null when unrated; 1–5, thumbs are 1 and 5).
 */
public record CellResult(int cell, CellStatus status, String content, String reasoning, String finishReason,
                         Usage usage, boolean truncated, BigDecimal costUsd, Long ttftMillis, long durationMillis,
                         Double tokensPerSecond, ApiError error, List<Verdict> verdicts, Integer rating,
                         Instant startedAt) {
    public CellResult {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? "" : reasoning;
        usage = usage == null ? Usage.NONE : usage;
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    public boolean whole() { return status == CellStatus.COMPLETED; }

    public CellResult withRating(Integer value) {
        return new CellResult(cell, status, content, reasoning, finishReason, usage, truncated, costUsd, ttftMillis,
                durationMillis, tokensPerSecond, error, verdicts, value, startedAt);
    }

    public CellResult withVerdicts(List<Verdict> value) {
        return new CellResult(cell, status, content, reasoning, finishReason, usage, truncated, costUsd, ttftMillis,
                durationMillis, tokensPerSecond, error, value, rating, startedAt);
    }
}
