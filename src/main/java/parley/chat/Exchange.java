package parley.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import parley.api.ApiError;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.StreamEvent;
import parley.api.Usage;

/**
 * One request in flight: turns the backend's stream events into chat events, collects the reply
 * and, when the call ends, writes the final message into the conversation and reports the end.
 */
final class Exchange {
    private final Conversation conversation;
    private final ChatSettings settings;
    private final ChatRequest request;
    private final Reply reply;
    private final Consumer<ChatEvent> emit;
    private final Consumer<ChatEvent.Ended> onEnd;
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private long firstTokenNanos = -1;
    private int pieces;
    private Usage usage;
    private String finishReason;
    private ApiError error;
    private List<Choice> choices = List.of();
    private boolean ended;
    private boolean announced;
    private final List<StreamEvent> early = new ArrayList<>();

    Exchange(Conversation conversation, ChatSettings settings, ChatRequest request, Reply reply,
             Consumer<ChatEvent> emit, Consumer<ChatEvent.Ended> onEnd) {
        this.conversation = conversation;
        this.settings = settings;
        this.request = request;
        this.reply = reply;
        this.emit = emit;
        this.onEnd = onEnd;
    }

    /**
     * Sends the request, then reports {@code started}: the request does not wait for the listeners,
     * and the events that arrive before they have heard of it wait, in order, until they have.
     */
    ChatCall begin(ChatBackend backend, ChatEvent.Started started) {
        try {
            return backend.start(request, this::accept);
        } finally {
            announce(started);
        }
    }

    private synchronized void announce(ChatEvent.Started started) {
        emit.accept(started);
        announced = true;
        early.forEach(this::deliver);
        early.clear();
    }

    synchronized void accept(StreamEvent event) {
        if (!announced) {
            early.add(event);
            return;
        }
        deliver(event);
    }

    private void deliver(StreamEvent event) {
        if (ended) {
            return;
        }
        String id = reply.messageId();
        switch (event) {
            case StreamEvent.Delta d -> {
                markToken();
                content.append(d.text());
                emit.accept(new ChatEvent.Text(id, d.text()));
            }
            case StreamEvent.Reasoning r -> {
                markToken();
                reasoning.append(r.text());
                emit.accept(new ChatEvent.Reasoning(id, r.text()));
            }
            case StreamEvent.Usage u -> {
                usage = u.usage();
                emit.accept(new ChatEvent.UsageReported(id, u.usage()));
            }
            case StreamEvent.Finish f -> {
                finishReason = f.reason();
                emit.accept(new ChatEvent.Finished(id, f.reason()));
            }
            case StreamEvent.Error e -> {
                error = e.error();
                emit.accept(new ChatEvent.Failed(id, e.error()));
            }
            // tool calls, log-probabilities and the other choices are taken whole from the call's result
            default -> { }
        }
    }

    /** Blocks until the call has ended, then ends the exchange. Runs on its own thread. */
    void awaitEnd(ChatCall call) {
        ChatResult result = null;
        try {
            result = call.await();
        } catch (InterruptedException e) {
            call.close();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(new ApiError(ApiError.Kind.PROTOCOL, 0, null, describe(e)));
        }
        end(result);
    }

    /** Ends at once with a failure that happened before the request could start. */
    void failedToStart(RuntimeException e) {
        failed(new ApiError(ApiError.Kind.NETWORK, 0, null, describe(e)));
        end(null);
    }

    private synchronized void failed(ApiError apiError) {
        if (!ended && error == null) {
            error = apiError;
            emit.accept(new ChatEvent.Failed(reply.messageId(), apiError));
        }
    }

    private void end(ChatResult result) {
        ChatEvent.Ended event;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            event = endEvent(result);
        }
        conversation.replace(event.message());
        onEnd.accept(event);
        reply.finish(event);
    }

    private ChatEvent.Ended endEvent(ChatResult result) {
        if (result != null) {
            absorb(result);
        }
        Outcome outcome = outcome(result);
        Usage finalUsage = usage == null ? Usage.NONE : usage;
        long now = System.nanoTime();
        Long ttft = firstTokenNanos < 0 ? null : millis(firstTokenNanos - startNanos);
        Metrics metrics = Metrics.of(ttft, millis(now - startNanos), finalUsage.completionTokens(), pieces);
        Message message = conversation.find(reply.messageId())
                .orElseGet(() -> new Message(reply.messageId(), "assistant", "", "", MessageStatus.STREAMING, null))
                .withText(content.toString(), reasoning.toString())
                .withResult(first().toolCalls(), first().logprobs(), choices)
                .ended(outcome.status(), outcome == Outcome.FAILED ? error : null);
        if (message.choices().size() > 1 && first().content() != null) {
            message = message.withChosen(0); // the text shown is the first choice's, not the pieces of all choices
        }
        ApiError failure = outcome == Outcome.FAILED ? error : null;
        ChatResult summary = new ChatResult(content.toString(), reasoning.toString(), finishReason, finalUsage,
                outcome == Outcome.TRUNCATED || (outcome == Outcome.FAILED && result != null && result.truncated()),
                outcome == Outcome.STOPPED, failure,
                ttft == null ? -1 : ttft, metrics.durationMillis(), choices);
        ExchangeRecord record = new ExchangeRecord(conversation.id(), reply.messageId(), settings.providerId(),
                settings.baseUrl(), request.model(), request, summary, finalUsage, finishReason, outcome,
                failure, metrics, startedAt);
        return new ChatEvent.Ended(reply.messageId(), outcome, metrics, message, record);
    }

    /** The result is the backend's own account of what arrived; it wins where the events missed something. */
    private void absorb(ChatResult result) {
        if (result.content() != null && result.content().length() > content.length()) {
            content.setLength(0);
            content.append(result.content());
        }
        if (result.reasoning() != null && result.reasoning().length() > reasoning.length()) {
            reasoning.setLength(0);
            reasoning.append(result.reasoning());
        }
        if (result.usage() != null && result.usage() != Usage.NONE) {
            usage = result.usage();
        }
        if (result.finishReason() != null) {
            finishReason = result.finishReason();
        }
        if (result.error() != null && error == null) {
            error = result.error();
        }
        choices = result.choices();
    }

    /** The first choice, which the message shows until another is picked. */
    private Choice first() {
        return choices.isEmpty() ? new Choice(0, null, null, null, List.of(), List.of()) : choices.getFirst();
    }

    private Outcome outcome(ChatResult result) {
        boolean stopped = reply.stopRequested() || (result != null && result.stopped())
                || (error != null && error.kind() == ApiError.Kind.CANCELLED);
        if (stopped) {
            return Outcome.STOPPED;
        }
        if (error != null) {
            return Outcome.FAILED;
        }
        if (result == null || result.truncated()) {
            return Outcome.TRUNCATED;
        }
        return Outcome.COMPLETED;
    }

    private void markToken() {
        pieces++;
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
