package parley.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One chat request over HTTP, from the first attempt to the result: retries, the idle-read watchdog,
 * reading the stream or the whole answer, Stop and the caller's time limit. Runs on its own thread;
 * {@link #close()} and {@link #timeUp()} may be called from any thread. Every error it ends with
 * carries the number of retries made.
 */
final class HttpChatCall implements ChatCall {
    private static final System.Logger LOG = System.getLogger(HttpChatCall.class.getName());
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ChatClient client;
    private final ChatRequest request;
    private final RawTap tap;
    private final ResultCollector collector;
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private volatile boolean stopped;
    private volatile boolean timedOut;
    private volatile boolean timeUp;
    private volatile Thread worker;
    private volatile InputStream body;
    private volatile CompletableFuture<?> pending;
    private volatile long lastActivityNanos;
    private ScheduledFuture<?> watchdog;
    private int retries;
    /** The failure a retry is waiting to replace; null once an answer is being read. */
    private ApiError lastFailure;

    HttpChatCall(ChatClient client, ChatRequest request, Consumer<StreamEvent> events, RawTap tap) {
        this.client = client;
        this.request = request;
        this.tap = tap;
        this.collector = new ResultCollector(events, System.nanoTime(), client.config().apiKey());
    }

    /** Ends the call at once with an error found before anything was sent. */
    HttpChatCall refuse(ApiError error) {
        result.complete(collector.result(false, false, error));
        return this;
    }

    void run() {
        worker = Thread.currentThread();
        ChatResult outcome = null;
        try {
            outcome = execute();
        } catch (RuntimeException | Error e) {
            outcome = failed(true, new ApiError(ApiError.Kind.PROTOCOL, 0, null,
                    "the answer could not be handled: " + e));
        } finally {
            disarmWatchdog();
            closeBody();
            Thread.interrupted();
            result.complete(outcome != null ? outcome : collector.result(true, stopped, new ApiError(
                    ApiError.Kind.PROTOCOL, 0, null, "the request ended without a result", retries)));
        }
    }

    @Override
    public ChatResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public void close() {
        if (result.isDone() || stopped) {
            return;
        }
        stopped = true;
        stopSignal.countDown();
        abort();
    }

    @Override
    public void timeUp() {
        if (result.isDone() || stopped || timeUp) {
            return;
        }
        timeUp = true;
        stopSignal.countDown();
        abort();
    }

    private void abort() {
        CompletableFuture<?> waiting = pending;
        if (waiting != null) {
            waiting.cancel(true);
        }
        closeBody();
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private ChatResult execute() {
        ChatRequest current = request;
        boolean droppedStreamOptions = false;
        while (true) {
            if (cutShort()) {
                return endedEarly(false);
            }
            HttpResponse<InputStream> response;
            try {
                response = send(current);
            } catch (IOException e) {
                if (cutShort()) return endedEarly(false);
                ApiError error = networkError(e);
                if (retried(error, backoff())) continue;
                return stopped ? stoppedResult() : failed(false, error);
            }
            int status = response.statusCode();
            if (tap != null) {
                tap.response(status, response.headers().map());
            }
            if (status >= 200 && status < 300) {
                try {
                    return readAnswer(response, current);
                } catch (NothingArrived e) {
                    ApiError error = networkError(e.cause);
                    if (retried(error, backoff())) continue;
                    return stopped ? stoppedResult() : failed(true, error);
                }
            }
            String errorBody = readErrorBody(response);
            if (stopped || timedOut) return endedEarly(false);
            ApiError error = errorFor(response, errorBody);
            if (status == 400 && !droppedStreamOptions && current.streamOptions() != null
                    && mentionsStreamOptions(errorBody) && !timeUp) {
                current = current.withStream(current.stream(), null);
                droppedStreamOptions = true;
                continue;
            }
            if (Retries.retryable(status)) {
                Duration wait = Retries.waitBefore(retries, client.config().backoffBase(),
                        response.headers().firstValue("Retry-After").orElse(null));
                if (wait != null && retried(error, wait)) continue;
            }
            return stopped ? stoppedResult() : failed(false, error);
        }
    }

    /**
     * Waits before sending the request again after {@code error}; false when no retry is left or
     * the wait was cut short (Stop or the time limit), and then {@code error} is how it ends.
     */
    private boolean retried(ApiError error, Duration wait) {
        if (retries >= client.config().maxRetries() || cutShort()) {
            return false;
        }
        lastFailure = error;
        if (!pause(wait)) {
            return false;
        }
        retries++;
        return true;
    }

    private boolean cutShort() {
        return stopped || timedOut || timeUp;
    }

    /**
     * The result of a request cut short by Stop, the idle watchdog or the time limit. When the time
     * ran out while a retry was waiting for its answer, the answer before it is the result.
     */
    private ChatResult endedEarly(boolean truncated) {
        if (stopped) {
            return stoppedResult();
        }
        if (timedOut) {
            return timeout(truncated);
        }
        if (lastFailure != null) {
            return failed(truncated, lastFailure);
        }
        return failed(truncated, new ApiError(ApiError.Kind.TIMEOUT, 0, null,
                "the time limit ran out before the answer was complete; what arrived is kept"));
    }

    private HttpResponse<InputStream> send(ChatRequest current) throws IOException {
        String json = client.json(current);
        HttpRequest httpRequest = client.chatRequest(json, current.streaming());
        if (tap != null) {
            tap.request("POST", httpRequest.uri(), json);
        }
        armWatchdog();
        CompletableFuture<HttpResponse<InputStream>> future =
                client.http().sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        pending = future;
        try {
            if (stopped) {
                future.cancel(true);
            }
            HttpResponse<InputStream> response = future.get();
            body = response.body();
            if (cutShort()) {
                closeBody();
                throw new IOException("stopped");
            }
            return response;
        } catch (InterruptedException | CancellationException e) {
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } finally {
            pending = null;
        }
    }

    private ChatResult readAnswer(HttpResponse<InputStream> response, ChatRequest current) throws NothingArrived {
        lastFailure = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
        boolean sse = contentType.startsWith("text/event-stream")
                || (contentType.isEmpty() && current.streaming());
        return sse ? readStream(response) : readWhole(response);
    }

    private ChatResult readStream(HttpResponse<InputStream> response) throws NothingArrived {
        StreamReader reader = new StreamReader(response.statusCode(), collector, tap, limits().sseLineBytes());
        InputStream in = response.body();
        byte[] buffer = new byte[BUFFER_SIZE];
        long received = 0;
        try {
            int n;
            while (!reader.ended() && (n = in.read(buffer)) >= 0) {
                lastActivityNanos = System.nanoTime();
                received += n;
                if (cutShort()) break;
                try {
                    reader.feed(buffer, n);
                } catch (SseDecoder.LineTooLong e) {
                    return failed(true, tooLarge(response, "a line of the stream", e.limit(), ReadLimits.SSE_LINE_SETTING));
                }
            }
            if (!reader.ended()) {
                if (cutShort()) return endedEarly(!collector.finished());
                reader.finish();
            }
        } catch (IOException e) {
            if (cutShort()) return endedEarly(!reader.done() && !collector.finished());
            if (received == 0) throw new NothingArrived(e);
            return failed(!reader.done() && !collector.finished(), new ApiError(
                    ApiError.Kind.NETWORK, 0, null, "the connection broke during the answer: " + describe(e)));
        }
        if (stopped) return stoppedResult();
        return failed(!reader.done() && !collector.finished(), reader.error());
    }

    private ChatResult readWhole(HttpResponse<InputStream> response) throws NothingArrived {
        byte[] bytes;
        long limit = limits().bodyBytes();
        try {
            bytes = readAll(response.body(), (int) limit + 1);
        } catch (PartialRead e) {
            if (cutShort()) return endedEarly(true);
            if (e.bytes.length == 0) throw new NothingArrived(e.cause);
            return failed(true, new ApiError(ApiError.Kind.NETWORK, 0, null,
                    "the connection broke during the answer: " + describe(e.cause)));
        }
        if (bytes.length > limit) {
            return failed(true, tooLarge(response, "the answer's body", limit, ReadLimits.BODY_SETTING));
        }
        if (tap != null) {
            tap.body(new String(bytes, StandardCharsets.UTF_8));
        }
        CompletionParser parser = new CompletionParser(response.statusCode());
        try {
            ApiError error = parser.parse(bytes, 0, bytes.length, collector);
            if (error == null && !parser.sawChoice()) {
                error = new ApiError(ApiError.Kind.PROTOCOL, response.statusCode(), null,
                        "the answer has no choices: " + ErrorBodies.excerpt(new String(bytes, StandardCharsets.UTF_8)));
            }
            return failed(false, error);
        } catch (CompletionParser.MalformedException e) {
            return failed(false, new ApiError(ApiError.Kind.PROTOCOL, response.statusCode(), null,
                    "the answer is not a chat completion: " + e.getMessage()));
        }
    }

    private ReadLimits limits() {
        return client.config().limits();
    }

    /** The error for an answer past a limit; the rest of it is not read. */
    private static ApiError tooLarge(HttpResponse<InputStream> response, String what, long limit, String setting) {
        return new ApiError(ApiError.Kind.PROTOCOL, response.statusCode(), "too_large",
                ReadLimits.refusal(what, limit, setting));
    }

    private String readErrorBody(HttpResponse<InputStream> response) {
        byte[] bytes;
        try {
            bytes = readAll(response.body(), MAX_ERROR_BODY);
        } catch (PartialRead e) {
            bytes = e.bytes;
        }
        closeBody();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (tap != null) {
            tap.body(text);
        }
        return text;
    }

    private byte[] readAll(InputStream in, int limit) throws PartialRead {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            int n;
            while (out.size() < limit && (n = in.read(buffer)) >= 0) {
                lastActivityNanos = System.nanoTime();
                out.write(buffer, 0, Math.min(n, limit - out.size()));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new PartialRead(out.toByteArray(), e);
        }
    }

    private ApiError errorFor(HttpResponse<InputStream> response, String errorBody) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("another address");
            return new ApiError(ApiError.Kind.NOT_FOUND, status, null, "the server redirected the request to "
                    + location + "; set the base URL to the new address (the key is not sent there on its own)");
        }
        return ErrorBodies.fromResponse(status, errorBody);
    }

    private static boolean mentionsStreamOptions(String body) {
        String lower = body.toLowerCase();
        return lower.contains("stream_options") || lower.contains("include_usage");
    }

    private ApiError networkError(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ApiError(ApiError.Kind.NETWORK, 0, null, "could not connect to " + client.config().baseUrl()
                    + " within " + seconds(client.config().connectTimeout()) + ": check the address and the network");
        }
        if (e instanceof ConnectException) {
            return new ApiError(ApiError.Kind.NETWORK, 0, null, "could not connect to " + client.config().baseUrl()
                    + " (" + describe(e) + "): is the server running and the address right?");
        }
        return new ApiError(ApiError.Kind.NETWORK, 0, null, "the request to " + client.config().baseUrl()
                + " failed: " + describe(e));
    }

    private ChatResult timeout(boolean truncated) {
        return failed(truncated, new ApiError(ApiError.Kind.TIMEOUT, 0, null,
                "no data from the server for " + seconds(client.config().idleTimeout())
                        + "; what arrived is kept (raise the idle timeout for slow models)"));
    }

    /** The result with {@code error} (null when there was none), after the retries made. */
    private ChatResult failed(boolean truncated, ApiError error) {
        return collector.result(truncated, false, error == null ? null : error.afterRetries(retries));
    }

    private ChatResult stoppedResult() {
        return collector.result(false, true, null);
    }

    private Duration backoff() {
        return Retries.waitBefore(retries, client.config().backoffBase(), null);
    }

    /** Waits before a retry; false when Stop was pressed meanwhile. */
    private boolean pause(Duration wait) {
        LOG.log(System.Logger.Level.INFO, "retrying {0} in {1} ms", client.config().baseUrl(), wait.toMillis());
        disarmWatchdog();
        try {
            return !stopSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    private synchronized void armWatchdog() {
        lastActivityNanos = System.nanoTime();
        if (watchdog == null) {
            scheduleCheck(client.config().idleTimeout().toNanos());
        }
    }

    private synchronized void disarmWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
            watchdog = null;
        }
    }

    private synchronized void scheduleCheck(long delayNanos) {
        watchdog = Watchdog.schedule(this::checkIdle, delayNanos);
    }

    private synchronized void checkIdle() {
        if (watchdog == null || result.isDone()) {
            return;
        }
        long idle = client.config().idleTimeout().toNanos();
        long silent = System.nanoTime() - lastActivityNanos;
        if (silent >= idle) {
            watchdog = null;
            timedOut = true;
            abort();
        } else {
            scheduleCheck(idle - silent);
        }
    }

    private void closeBody() {
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        while (message == null && e.getCause() != null) {
            e = e.getCause();
            message = e.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** An answer that failed before its first byte: safe to send again. */
    private static final class NothingArrived extends Exception {
        final IOException cause;

        NothingArrived(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static final class PartialRead extends Exception {
        final byte[] bytes;
        final IOException cause;

        PartialRead(byte[] bytes, IOException cause) {
            super(cause);
            this.bytes = bytes;
            this.cause = cause;
        }
    }
}
