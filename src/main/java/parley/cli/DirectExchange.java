package parley.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import parley.api.ChatBackend;
import parley.api.ChatCall;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.StreamEvent;
import parley.api.Usage;
import parley.chat.ChatEvent;
import parley.chat.ChatSettings;
import parley.chat.ExchangeRecord;
import parley.chat.Message;
import parley.chat.MessageStatus;
import parley.chat.Metrics;
import parley.chat.Outcome;

/**
 * Sends a request whose messages were given whole ({@code --messages-file}: assistant tool calls
 * and tool results included) straight to the backend, without a conversation, and reports its end
 * as the chat layer does, so that it is printed, logged and written to the usage ledger alike.
 */
final class DirectExchange {
    private DirectExchange() {}

    /** Blocks until the request has ended or {@code timeout} (null: none) ran out. */
    static ChatEvent.Ended run(ChatBackend backend, ChatSettings settings, ChatRequest request,
                               Consumer<StreamEvent> events, Duration timeout) throws InterruptedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        ChatCall call = backend.start(request, events);
        Thread timer = timeout == null ? null : Thread.ofVirtual().name("parley-timeout").start(() -> {
            try {
                Thread.sleep(timeout);
                call.timeUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ChatResult result;
        try {
            result = call.await();
        } finally {
            if (timer != null) {
                timer.interrupt();
            }
        }
        return ended(settings, request, result, startedAt, (System.nanoTime() - start) / 1_000_000);
    }

    private static ChatEvent.Ended ended(ChatSettings settings, ChatRequest request, ChatResult result,
                                         Instant startedAt, long durationMillis) {
        Outcome outcome = result.stopped() ? Outcome.STOPPED : result.error() != null ? Outcome.FAILED
                : result.truncated() ? Outcome.TRUNCATED : Outcome.COMPLETED;
        Usage usage = result.usage() == null ? Usage.NONE : result.usage();
        Long ttft = result.ttftMillis() < 0 ? null : result.ttftMillis();
        Metrics metrics = new Metrics(ttft, durationMillis, usage.completionTokens(), null, usage.completionTokens() == null);
        String messageId = UUID.randomUUID().toString();
        Message message = new Message(messageId, ChatMessage.ASSISTANT, result.content(), result.reasoning(),
                status(outcome), result.error());
        ExchangeRecord record = new ExchangeRecord(null, messageId, settings.providerId(), settings.baseUrl(),
                request.model(), request, result, usage, result.finishReason(), outcome, result.error(), metrics, startedAt);
        return new ChatEvent.Ended(messageId, outcome, metrics, message, record);
    }

    private static MessageStatus status(Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> MessageStatus.COMPLETE;
            case STOPPED -> MessageStatus.STOPPED;
            case FAILED -> MessageStatus.FAILED;
            case TRUNCATED -> MessageStatus.TRUNCATED;
        };
    }
}
