package parley.experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatClient;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.RawTap;
import parley.api.Retries;
import parley.api.StreamEvent;
import parley.api.Usage;

/**
 * Sends one cell's request and turns how it ended into a {@link CellResult}. The reply's pieces go
 * straight to the listener as they arrive (nothing is kept per piece). A 429 is seen as it comes, also
 * one that {@link ChatClient} retries by itself, so that the lane slows down at once.
 */
final class CellExecution {
    /** The wait after a 429 that names none: the client's own first backoff. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final Cell cell;
    private final ChatRequest request;
    private final Consumer<ExperimentEvent> events;
    private final Consumer<Duration> rateLimited;
    private volatile Duration lastWait;

    CellExecution(Cell cell, ChatRequest request, Consumer<ExperimentEvent> events, Consumer<Duration> rateLimited) {
        this.cell = cell;
        this.request = request;
        this.events = events;
        this.rateLimited = rateLimited;
    }

    ChatRequest request() { return request; }

    /** The wait the last 429 of this cell asked for (its lane is already paused by it); null when none came. */
    Duration lastWait() { return lastWait; }

    /** Sends the request and waits for its end; the call is in {@code calls} while it runs. */
    ChatResult send(ChatBackend backend, RunningCalls calls) throws InterruptedException {
        Consumer<StreamEvent> pieces = event -> {
            switch (event) {
                case StreamEvent.Delta d -> events.accept(new ExperimentEvent.CellDelta(cell.index(), d.text(), ""));
                case StreamEvent.Reasoning r -> events.accept(new ExperimentEvent.CellDelta(cell.index(), "", r.text()));
                default -> { }
            }
        };
        // only the HTTP client shows each answer's status as it comes; the built-in engine never answers 429
        ChatCall call = backend instanceof ChatClient client ? client.start(request, pieces, new RateTap())
                : backend.start(request, pieces);
        calls.add(cell.index(), call);
        try {
            return call.await();
        } finally {
            calls.remove(cell.index(), call);
        }
    }

    static boolean rateLimited(ChatResult result) {
        return result.error() != null && result.error().kind() == ApiError.Kind.RATE_LIMIT && !result.stopped();
    }

    /** The result of a cell that could not be sent at all (no backend for its provider). */
    static ChatResult unsent(String why) {
        return new ChatResult("", "", null, Usage.NONE, false, false,
                new ApiError(ApiError.Kind.BAD_REQUEST, 0, "not_sent", why), -1, 0);
    }

    CellResult result(ChatResult result, BigDecimal cost, Instant startedAt) {
        Usage usage = result.usage() == null ? Usage.NONE : result.usage();
        Long ttft = result.ttftMillis() >= 0 ? result.ttftMillis() : null;
        long duration = Math.max(0, result.durationMillis());
        Double perSecond = null;
        long generating = duration - (ttft == null ? 0 : ttft);
        if (usage.completionTokens() != null && usage.completionTokens() > 0 && generating > 0) {
            perSecond = usage.completionTokens() * 1000.0 / generating;
        }
        return new CellResult(cell.index(), status(result), result.content(), result.reasoning(), result.finishReason(),
                usage, result.truncated(), cost, ttft, duration, perSecond, result.error(), List.of(), null, startedAt);
    }

    static CellStatus status(ChatResult result) {
        if (result.stopped()) return CellStatus.STOPPED;
        if (result.error() != null) return CellStatus.FAILED;
        if (result.truncated()) return CellStatus.TRUNCATED;
        return CellStatus.COMPLETED;
    }

    /** Sees each answer's status: a 429 slows the lane by the wait it asks for. */
    private final class RateTap implements RawTap {
        @Override
        public void response(int status, Map<String, List<String>> headers) {
            if (status != 429) {
                return;
            }
            List<String> after = headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("retry-after"))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            Duration asked = after.isEmpty() ? null : Retries.parseRetryAfter(after.getFirst());
            Duration wait = asked == null ? DEFAULT_WAIT : asked;
            lastWait = wait;
            rateLimited.accept(wait);
            events.accept(new ExperimentEvent.CellWaiting(cell.index(), wait.toMillis()));
        }
    }
}
