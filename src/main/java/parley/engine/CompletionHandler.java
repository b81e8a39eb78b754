package parley.engine;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import parley.api.ChatRequest;

/**
 * {@code POST /v1/chat/completions}: one generation at a time, the others wait in arrival order and
 * are told so in the {@value #QUEUED_HEADER} header. A streamed reply is written token by token;
 * when the client goes away the next write fails and generation stops there.
 */
final class CompletionHandler {
    static final String QUEUED_HEADER = "X-Parley-Queued-Ms";

    private final LocalModel model;
    private final int contextSize;
    private final ObjectMapper json;
    private final RequestReader reader;
    private final Replies replies;
    private final PrintStream log;
    private final Semaphore turn = new Semaphore(1, true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger numbers = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

    CompletionHandler(LocalModel model, int contextSize, ObjectMapper json, Replies replies, PrintStream log) {
        this.model = model;
        this.contextSize = contextSize;
        this.json = json;
        this.reader = new RequestReader(json);
        this.replies = replies;
        this.log = log;
    }

    boolean busy() {
        return turn.availablePermits() == 0;
    }

    int waiting() {
        return waiting.get();
    }

    /** When the last request ended (or the server started), in {@link System#nanoTime()}. */
    long lastActivity() {
        return lastActivity.get();
    }

    void handle(HttpExchange exchange, String body) throws IOException, BadRequest {
        RequestReader.Read read = reader.read(body);
        long queuedNanos = awaitTurn();
        try {
            if (queuedNanos > 0) {
                exchange.getResponseHeaders().set(QUEUED_HEADER, Long.toString(TimeUnit.NANOSECONDS.toMillis(queuedNanos)));
            }
            run(exchange, read);
        } finally {
            lastActivity.set(System.nanoTime());
            turn.release();
        }
    }

    /** Waits for this request's turn; 0 when it had not to wait, else how long it waited. */
    private long awaitTurn() throws IOException {
        if (turn.tryAcquire()) {
            return 0;
        }
        long start = System.nanoTime();
        waiting.incrementAndGet();
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while queued");
        } finally {
            waiting.decrementAndGet();
        }
        return Math.max(1, System.nanoTime() - start);
    }

    private void run(HttpExchange exchange, RequestReader.Read read) throws IOException, BadRequest {
        ChatRequest request = read.request();
        String prompt = model.prompt(request.messages());
        int promptTokens = model.promptTokens(prompt);
        int room = contextSize - promptTokens;
        if (room < 1) {
            throw new BadRequest(400, "messages", "context_length_exceeded", "messages: the conversation takes "
                    + promptTokens + " tokens, the context holds " + contextSize + ": shorten it, or serve with a larger --ctx");
        }
        int maxTokens = request.maxTokens() == null ? room : Math.min(request.maxTokens(), room);
        Generation generation = new Generation(request.messages(), maxTokens,
                orDefault(request.temperature(), ChatRequest.DEFAULT_TEMPERATURE), orDefault(request.topP(), ChatRequest.DEFAULT_TOP_P),
                orDefault(request.frequencyPenalty(), 0), orDefault(request.presencePenalty(), 0), request.stop(), read.seed());
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        int number = numbers.incrementAndGet();
        long start = System.nanoTime();
        Outcome outcome = request.streaming()
                ? stream(exchange, id, created, prompt, generation, promptTokens, read.includeUsage())
                : whole(exchange, id, created, prompt, generation, promptTokens);
        log.printf("request %d: %d prompt tokens, %d completion tokens, %s, %d ms%n", number, promptTokens,
                outcome.tokens(), outcome.stopped() ? "stopped by the client" : "finish " + finishReason(outcome.tokens(), maxTokens),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        log.flush();
    }

    private record Outcome(int tokens, boolean stopped) {}

    private Outcome whole(HttpExchange exchange, String id, long created, String prompt, Generation generation, int promptTokens)
            throws IOException {
        StringBuilder content = new StringBuilder();
        int tokens = model.generate(prompt, generation, text -> {
            content.append(text);
            return true;
        });
        byte[] body = json.writeValueAsBytes(replies.completion(id, created, content.toString(),
                finishReason(tokens, generation.maxTokens()), promptTokens, tokens));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return new Outcome(tokens, false);
    }

    private Outcome stream(HttpExchange exchange, String id, long created, String prompt, Generation generation,
                           int promptTokens, boolean includeUsage) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        boolean[] gone = {false};
        try {
            event(out, json.writeValueAsString(replies.chunk(id, created, "assistant", "", null)));
            TokenEvent tokenEvent = new TokenEvent(json.writeValueAsString(replies.chunk(id, created, null, TokenEvent.MARK, null)));
            int tokens = model.generate(prompt, generation, text -> {
                try {
                    out.write(tokenEvent.bytes(text));
                    out.flush();
                    return true;
                } catch (IOException e) {
                    gone[0] = true;
                    return false;
                }
            });
            if (gone[0]) {
                return new Outcome(tokens, true);
            }
            event(out, json.writeValueAsString(replies.chunk(id, created, null, null, finishReason(tokens, generation.maxTokens()))));
            if (includeUsage) {
                event(out, json.writeValueAsString(replies.usageChunk(id, created, promptTokens, tokens)));
            }
            event(out, "[DONE]");
            return new Outcome(tokens, false);
        } finally {
            closeQuietly(out);
        }
    }

    /**
     * The event of one token: the chunk written once with a mark where the text goes, then only the
     * text escaped per token (the stream's hot path; the rest of the chunk never changes).
     */
    private static final class TokenEvent {
        static final String MARK = "\u0000token\u0000";
        private final byte[] head;
        private final byte[] tail;

        TokenEvent(String chunk) {
            String marked = chunk.replace("\\u0000token\\u0000", MARK);
            int at = marked.indexOf(MARK);
            head = ("data: " + marked.substring(0, at)).getBytes(StandardCharsets.UTF_8);
            tail = (marked.substring(at + MARK.length()) + "\n\n").getBytes(StandardCharsets.UTF_8);
        }

        byte[] bytes(String text) {
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
            byte[] all = new byte[head.length + escaped.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(escaped, 0, all, head.length, escaped.length);
            System.arraycopy(tail, 0, all, head.length + escaped.length, tail.length);
            return all;
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String finishReason(int tokens, int maxTokens) {
        return tokens >= maxTokens ? "length" : "stop";
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the client is gone; nothing is left to tell it
        }
    }
}
