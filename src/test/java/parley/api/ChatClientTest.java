package parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

@Timeout(30)
class ChatClientTest {
    private static final String KEY = "sk-test-0123456789";
    private final ScriptedServer server = ScriptedServer.start();
    private final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        server.close();
    }

    private ChatClient client(ClientConfig config) {
        ChatClient client = new ChatClient(config);
        toClose.add(client);
        return client;
    }

    private ChatClient client() {
        return client(ClientConfig.of(server.baseUrl(), KEY).withRetries(2, Duration.ofMillis(10)));
    }

    private static ChatRequest streaming() {
        return ChatRequest.of("m", List.of(ChatMessage.user("hi"))).withStream(true, ChatRequest.StreamOptions.INCLUDE_USAGE);
    }

    private static ChatRequest plain() {
        return ChatRequest.of("m", List.of(ChatMessage.user("hi")));
    }

    private static String delta(String text) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "}}]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static final String FINISH = "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";

    // ---- the request on the wire

    @Test
    void postsTheRequestAsJsonWithTheKeyAndLeavesOutWhatIsUnset() throws Exception {
        server.enqueue(Reply.sse(delta("ok"), FINISH));
        ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 5, null, null, null, null,
                null, true, null, Map.of("seed", 7));

        client().start(request, events::add).await();

        ScriptedServer.Recorded sent = server.requests().getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.bodyText()).isEqualTo(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5,\"stream\":true,\"seed\":7}");
    }

    @Test
    void noKeyNoAuthorizationHeader() throws Exception {
        server.enqueue(Reply.sse(delta("ok"), FINISH));
        client(ClientConfig.of(server.baseUrl(), null)).start(streaming(), events::add).await();
        assertThat(server.requests().getFirst().header("Authorization")).isNull();
    }

    // ---- what servers really send

    @Test
    void commentsKeepAlivesAndCrlfAreHandled() throws Exception {
        server.enqueue(Reply.stream()
                .send(": OPENROUTER PROCESSING\r\n\r\n")
                .send("data:" + delta("a") + "\r\n\r\n")
                .send(": keep-alive\n\n")
                .send("data: " + delta(" b ") + "\n\n")
                .send("data: " + FINISH + "\n\ndata: [DONE]\n\n"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("a b ");
        assertThat(result.ok()).isTrue();
    }

    @Test
    void usageOnEveryChunkKeepsTheLast() throws Exception {
        server.enqueue(Reply.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1,\"total_tokens\":5}}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"}}],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":3,\"total_tokens\":7}}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.usage()).isEqualTo(new Usage(4, 3, 7, null, null));
        assertThat(events).filteredOn(e -> e instanceof StreamEvent.Usage).hasSize(3);
    }

    @Test
    void reasoningThenContentWithDeepSeekUsage() throws Exception {
        server.enqueue(Reply.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"Let me\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning\":\" think\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"4\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,"
                        + "\"completion_tokens\":20,\"total_tokens\":30,\"prompt_cache_hit_tokens\":8,\"prompt_cache_miss_tokens\":2,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":18}}}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.reasoning()).isEqualTo("Let me think");
        assertThat(result.content()).isEqualTo("4");
        assertThat(result.usage()).isEqualTo(new Usage(10, 20, 30, 18, 8));
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.ttftMillis()).isBetween(0L, result.durationMillis());
    }

    @Test
    void toolCallDeltasAreJoinedIntoTheResult() throws Exception {
        server.enqueue(Reply.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get\",\"arguments\":\"\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":1}\"}}]}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.error()).isNull();
        assertThat(result.finishReason()).isEqualTo("tool_calls");
        assertThat(result.content()).isEmpty();
        assertThat(result.toolCalls()).containsExactly(ToolCall.of("call_1", "get", "{\"a\":1}"));
        assertThat(events).filteredOn(StreamEvent.ToolCallPiece.class::isInstance).hasSize(2);
    }

    @Test
    void aStreamIsSplitAtEveryByteBoundaryWithTheSameEvents() throws Exception {
        byte[] body = ("data: " + delta("Grüße, 世界 🙂") + "\n\n: ping\n\ndata: " + delta(" ок") + "\r\n\r\n"
                + "data: " + FINISH + "\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        List<StreamEvent> expected = List.of(new StreamEvent.Delta("Grüße, 世界 🙂"), new StreamEvent.Delta(" ок"),
                new StreamEvent.Finish("stop"));
        ChatClient client = client();
        for (int split = 1; split < body.length; split++) {
            server.enqueue(Reply.stream()
                    .send(java.util.Arrays.copyOfRange(body, 0, split))
                    .pause(split % 16 == 0 ? 2 : 0)
                    .send(java.util.Arrays.copyOfRange(body, split, body.length)));
            List<StreamEvent> got = new ArrayList<>();
            ChatResult result = client.start(streaming(), got::add).await();
            assertThat(got).as("split at %d", split).isEqualTo(expected);
            assertThat(result.ok()).isTrue();
        }
        server.enqueue(Reply.streamInPieces(body, 1));
        List<StreamEvent> got = new ArrayList<>();
        client.start(streaming(), got::add).await();
        assertThat(got).as("one byte at a time").isEqualTo(expected);
    }

    @Test
    void aStreamingRequestAnsweredWithPlainJsonIsRead() throws Exception {
        server.enqueue(Reply.json(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"finish_reason\":\"stop\"}]}"));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(result.content()).isEqualTo("whole");
        assertThat(result.ok()).isTrue();
    }

    // ---- errors

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            401 | {"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}} | AUTHENTICATION | Incorrect API key provided
            403 | {"error":{"message":"Forbidden region","type":"permission_error"}}                                        | AUTHENTICATION | Forbidden region
            401 | {"code":401,"msg":"invalid api key"}                                                                       | AUTHENTICATION | invalid api key
            402 | {"code":402,"msg":"Insufficient balance, please top up"}                                                   | PAYMENT        | Insufficient balance, please top up
            404 | {"error":{"message":"The model `x` does not exist","type":"invalid_request_error","code":"model_not_found"}}| NOT_FOUND     | The model `x` does not exist
            400 | {"error":{"message":"max_tokens is too large","type":"invalid_request_error"}}                              | BAD_REQUEST    | max_tokens is too large
            413 | <html><body><h1>413 Request Entity Too Large</h1></body></html>                                            | BAD_REQUEST    | HTTP 413: 413 Request Entity Too Large
            422 | {"detail":"temperature must be <= 2"}                                                                      | BAD_REQUEST    | temperature must be <= 2
            """)
    void errorClassesCarryTheProvidersMessage(int status, String body, ApiError.Kind kind, String message) throws Exception {
        server.enqueue(Reply.json(status, body));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.error()).isEqualTo(new ApiError(kind, status, result.error().type(), message));
        assertThat(events).containsExactly(new StreamEvent.Error(result.error()));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anHtmlPageFromAProxyIsShortAndTagFree() throws Exception {
        String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><script>var x = 1;</script></head>"
                + "<body><h1>Bad Gateway</h1><p>The proxy received an invalid response.</p>" + "<p>filler</p>".repeat(200) + "</body></html>";
        server.fallback(r -> Reply.fixed(502, "text/html", page.getBytes(StandardCharsets.UTF_8)));

        ChatResult result = client().start(plain(), events::add).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.SERVER);
        assertThat(result.error().status()).isEqualTo(502);
        assertThat(result.error().message())
                .startsWith("HTTP 502: 502 Bad Gateway Bad Gateway The proxy received an invalid response.")
                .doesNotContain("<", "var x").hasSizeLessThan(220);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            llama-server/bad_missing_messages.txt | BAD_REQUEST | 400 | 'messages' is required
            llama-server/bad_prompt_too_long.txt  | BAD_REQUEST | 400 | request (18021 tokens) exceeds the available context size (1024 tokens), try increasing it
            llama-server/bad_404_path.txt         | NOT_FOUND   | 404 | File Not Found
            llama-server/bad_invalid_json.txt     | SERVER      | 500 | [json.exception.parse_error.101] parse error at line 1, column 15: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal
            """)
    void llamaServerErrors(String recording, ApiError.Kind kind, int status, String message) throws Exception {
        server.fallback(r -> Reply.recording(recording, 0));

        ChatResult result = client(ClientConfig.of(server.baseUrl(), null).withRetries(0, Duration.ZERO))
                .start(plain(), events::add).await();

        assertThat(result.error().kind()).isEqualTo(kind);
        assertThat(result.error().status()).isEqualTo(status);
        assertThat(result.error().message()).isEqualTo(message);
    }

    @Test
    void anErrorObjectMidStreamKeepsWhatArrived() throws Exception {
        server.enqueue(Reply.sse(delta("partial"),
                "{\"error\":{\"message\":\"Provider returned error\",\"code\":502}}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("partial");
        assertThat(result.error()).isEqualTo(new ApiError(ApiError.Kind.SERVER, 200, null, "Provider returned error"));
        assertThat(result.truncated()).isTrue();
        assertThat(events).containsExactly(new StreamEvent.Delta("partial"), new StreamEvent.Error(result.error()));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anErrorEventMidStream() throws Exception {
        server.enqueue(Reply.stream().events(delta("so far")).send(
                "event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"type\":\"overloaded_error\"}}\n\n"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("so far");
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.SERVER);
        assertThat(result.error().message()).isEqualTo("overloaded");
    }

    @Test
    void aMalformedChunkIsAProtocolError() throws Exception {
        server.enqueue(Reply.stream().events(delta("a"), "{\"choices\":[{\"delta\":").send("data: [DONE]\n\n"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("a");
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.PROTOCOL);
        assertThat(result.error().message()).startsWith("malformed stream chunk");
    }

    @Test
    void aConnectionRefusedIsANetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ChatResult result = client(ClientConfig.of("http://127.0.0.1:" + port + "/v1", null)
                .withRetries(1, Duration.ofMillis(5))).start(plain(), events::add).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.NETWORK);
        assertThat(result.error().message()).contains("could not connect to http://127.0.0.1:" + port + "/v1");
        assertThat(result.error().retries()).isEqualTo(1);
    }

    // ---- timeouts, cuts and Stop

    @Test
    void aStallHitsTheIdleTimeoutAndKeepsThePartialReply() throws Exception {
        server.enqueue(Reply.stream().events(delta("half "), delta("way")).stall());
        ChatClient client = client(ClientConfig.of(server.baseUrl(), null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));

        long start = System.nanoTime();
        ChatResult result = client.start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("half way");
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.TIMEOUT);
        assertThat(result.truncated()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverAnswersHitsTheIdleTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ChatClient client = client(ClientConfig.of("http://127.0.0.1:" + silent.getLocalPort() + "/v1", null)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
            ChatResult result = client.start(streaming(), events::add).await();
            assertThat(result.error().kind()).isEqualTo(ApiError.Kind.TIMEOUT);
            assertThat(result.error().message()).contains("no data from the server for 300 ms");
        }
    }

    @Test
    void aCleanEndWithoutDoneOrFinishIsTruncated() throws Exception {
        server.enqueue(Reply.stream().events(delta("cut "), delta("short")));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("cut short");
        assertThat(result.truncated()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.ok()).isFalse();
    }

    @Test
    void aFinishWithoutDoneIsNotTruncated() throws Exception {
        server.enqueue(Reply.stream().events(delta("x"), FINISH));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(result.truncated()).isFalse();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aHungUpConnectionIsTruncatedWithWhatArrivedAndNotRetried() throws Exception {
        server.enqueue(Reply.stream().events(delta("before the cut")).hangUp());

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("before the cut");
        assertThat(result.truncated()).isTrue();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.NETWORK);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aResetConnectionIsTruncatedWithWhatArrivedAndNotRetried() throws Exception {
        // the pause lets the bytes reach the client before the reset, which would discard them
        server.enqueue(Reply.stream().events(delta("before the cut")).pause(300).cut());

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("before the cut");
        assertThat(result.truncated()).isTrue();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.NETWORK);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void stopMidStreamEndsAtOnceAndKeepsWhatArrived() throws Exception {
        server.enqueue(Reply.stream().events(delta("first")).stall());
        CountDownLatch firstDelta = new CountDownLatch(1);
        ChatClient client = client(ClientConfig.of(server.baseUrl(), null).withTimeouts(null, Duration.ofSeconds(60)));

        ChatCall call = client.start(streaming(), e -> {
            events.add(e);
            firstDelta.countDown();
        });
        assertThat(firstDelta.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        call.close();
        ChatResult result = call.await();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.stopped()).isTrue();
        assertThat(result.content()).isEqualTo("first");
        assertThat(result.error()).isNull();
        assertThat(call.isDone()).isTrue();
        call.close(); // idempotent
    }

    @Test
    void stopWhileWaitingForTheAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ChatClient client = client(ClientConfig.of("http://127.0.0.1:" + silent.getLocalPort() + "/v1", null));
            ChatCall call = client.start(streaming(), events::add);
            Thread.sleep(200);
            long start = System.nanoTime();
            call.close();
            ChatResult result = call.await();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(result.stopped()).isTrue();
        }
    }

    @Test
    void stopDuringARetryWait() throws Exception {
        server.fallback(r -> Reply.json(503, "{\"error\":{\"message\":\"busy\"}}").header("Retry-After", "20"));
        ChatCall call = client().start(plain(), events::add);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(100);
        long start = System.nanoTime();
        call.close();
        ChatResult result = call.await();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.stopped()).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    // ---- retries

    @Test
    void a429WithRetryAfterIsWaitedForThenSucceeds() throws Exception {
        server.enqueue(Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").header("Retry-After", "1"));
        server.enqueue(Reply.sse(delta("after the wait"), FINISH));

        long start = System.nanoTime();
        ChatResult result = client().start(streaming(), events::add).await();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.content()).isEqualTo("after the wait");
        assertThat(result.ok()).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(events).noneMatch(e -> e instanceof StreamEvent.Error);
    }

    @Test
    void aRetryAfterBeyondThirtySecondsIsNotWaitedFor() throws Exception {
        server.enqueue(Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\"}}").header("Retry-After", "120"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.RATE_LIMIT);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsTwiceThenSuccess() throws Exception {
        server.enqueue(Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        server.enqueue(Reply.fixed(502, "text/html", "<h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8)));
        server.enqueue(Reply.sse(delta("third time"), FINISH));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("third time");
        assertThat(result.ok()).isTrue();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void atMostTwoRetries() throws Exception {
        server.fallback(r -> Reply.json(504, "{\"error\":{\"message\":\"gateway timeout\"}}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.error()).isEqualTo(new ApiError(ApiError.Kind.SERVER, 504, null, "gateway timeout", 2));
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.fallback(r -> Reply.json(401, "{\"error\":{\"message\":\"bad key\"}}"));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(result.error().retries()).isZero();
    }

    // ---- the caller's time limit

    private static final String BAD_GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>"
            + "<h1>Bad Gateway</h1><p>The upstream server did not answer.</p><hr><address>nginx</address></body></html>";

    @Test
    void timeUpDuringARetryWaitReportsTheLastAnswerAndHowOftenItWasRetried() throws Exception {
        server.fallback(r -> Reply.fixed(502, "text/html", BAD_GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8)));
        ChatClient client = client(ClientConfig.of(server.baseUrl(), null).withRetries(2, Duration.ofSeconds(1)));
        ChatCall call = client.start(plain(), events::add);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the first retry, after 1 s").isNotNull();
        Thread.sleep(300); // the second wait (2 s) has begun

        long start = System.nanoTime();
        call.timeUp();
        ChatResult result = call.await();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(result.stopped()).isFalse();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.SERVER);
        assertThat(result.error().status()).isEqualTo(502);
        assertThat(result.error().message()).isEqualTo("HTTP 502: 502 Bad Gateway Bad Gateway The upstream server did not answer. nginx");
        assertThat(result.error().retries()).isEqualTo(1);
        assertThat(events).filteredOn(e -> e instanceof StreamEvent.Error).singleElement()
                .isEqualTo(new StreamEvent.Error(result.error()));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void timeUpWhileARetryWaitsForItsAnswerReportsTheAnswerBefore() throws Exception {
        server.enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
        server.enqueue(Reply.nothing().stall());
        ChatCall call = client().start(streaming(), events::add);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(100);

        call.timeUp();
        ChatResult result = call.await();

        assertThat(result.error()).isEqualTo(new ApiError(ApiError.Kind.SERVER, 503, "server_error", "overloaded", 1));
    }

    @Test
    void timeUpBeforeAnyAnswerIsATimeoutWithoutRetries() throws Exception {
        server.enqueue(Reply.nothing().stall());
        ChatCall call = client().start(streaming(), events::add);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        call.timeUp();
        ChatResult result = call.await();

        assertThat(result.stopped()).isFalse();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.TIMEOUT);
        assertThat(result.error().status()).isZero();
        assertThat(result.error().retries()).isZero();
    }

    @Test
    void timeUpMidStreamKeepsWhatArrivedAsATimeoutNotTheEarlierFailure() throws Exception {
        server.enqueue(Reply.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        server.enqueue(Reply.stream().events(delta("first")).stall());
        CountDownLatch firstDelta = new CountDownLatch(1);
        ChatCall call = client().start(streaming(), e -> {
            events.add(e);
            if (e instanceof StreamEvent.Delta) firstDelta.countDown();
        });
        assertThat(firstDelta.await(5, TimeUnit.SECONDS)).isTrue();

        call.timeUp();
        ChatResult result = call.await();

        assertThat(result.content()).isEqualTo("first");
        assertThat(result.truncated()).isTrue();
        assertThat(result.stopped()).isFalse();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.TIMEOUT);
        assertThat(result.error().retries()).isEqualTo(1);
    }

    @Test
    void stopStaysAStopDuringARetryWait() throws Exception {
        server.fallback(r -> Reply.json(502, "{\"error\":{\"message\":\"bad gateway\"}}"));
        ChatCall call = client(ClientConfig.of(server.baseUrl(), null).withRetries(2, Duration.ofSeconds(5)))
                .start(plain(), events::add);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        Thread.sleep(100);

        call.close();
        call.timeUp();
        ChatResult result = call.await();

        assertThat(result.stopped()).isTrue();
        assertThat(result.error()).isNull();
    }

    @Test
    void noRetryOnceBytesOfTheAnswerArrived() throws Exception {
        server.enqueue(Reply.stream().events(delta("x")).hangUp());
        server.enqueue(Reply.sse(delta("must not be asked for")));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("x");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aBadRequestNamingStreamOptionsIsRetriedOnceWithoutIt() throws Exception {
        server.enqueue(Reply.json(400, "{\"error\":{\"message\":\"Unrecognized request argument supplied: stream_options\",\"type\":\"invalid_request_error\"}}"));
        server.enqueue(Reply.sse(delta("fine"), FINISH));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.content()).isEqualTo("fine");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(0).bodyText()).contains("\"stream_options\":{\"include_usage\":true}");
        assertThat(server.requests().get(1).bodyText()).doesNotContain("stream_options");
    }

    @Test
    void theStreamOptionsRetryHappensOnlyOnce() throws Exception {
        server.fallback(r -> Reply.json(400, "{\"error\":{\"message\":\"stream_options: extra fields not permitted\"}}"));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.BAD_REQUEST);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    // ---- refusals before sending, and the key

    @Test
    void anInvalidRequestIsRefusedAndNothingIsSent() throws Exception {
        ChatRequest bad = new ChatRequest("m", List.of(ChatMessage.user("hi")), 0, 2.5, null, null, null,
                List.of("a", "b", "c", "d", "e"), true, null, null);

        ChatResult result = client().start(bad, events::add).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.BAD_REQUEST);
        assertThat(result.error().status()).isZero();
        assertThat(result.error().message()).contains("max_tokens", "temperature: must be between 0 and 2 (was 2.5)", "stop: at most 4");
        assertThat(events).containsExactly(new StreamEvent.Error(result.error()));
        Thread.sleep(100);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theKeyIsNotSentToAnotherHostOnARedirect() throws Exception {
        try (ScriptedServer other = ScriptedServer.start()) {
            other.fallback(r -> Reply.sse(delta("stolen")));
            server.fallback(r -> Reply.json(307, "{}").header("Location", other.baseUrl() + "/chat/completions"));

            ChatResult result = client().start(streaming(), events::add).await();

            assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(other.requestCount()).isZero();
            assertThat(result.error().message()).contains("redirected", other.baseUrl());
            assertThat(result.content()).isEmpty();
        }
    }

    @Test
    void aKeyOverPlainHttpToAnotherMachineIsRefused() throws Exception {
        ChatClient client = client(ClientConfig.of("http://api.example.com/v1", KEY));

        ChatResult result = client.start(streaming(), events::add).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.BAD_REQUEST);
        assertThat(result.error().message()).contains("plain http://", "api.example.com").doesNotContain(KEY);
        assertThatThrownBy(client::fetchModels).isInstanceOf(ApiException.class).hasMessageContaining("plain http://");
    }

    @Test
    void theUsersConsentLetsAKeyGoOverPlainHttp() {
        assertThat(new ChatClient(ClientConfig.of("http://api.example.com/v1", KEY).withAllowInsecureKey(true))
                .insecureKeyProblem()).isNull();
        assertThat(new ChatClient(ClientConfig.of("http://127.0.0.1:9/v1", KEY)).insecureKeyProblem()).isNull();
    }

    @Test
    void theKeyNeverShowsInToStringOrErrors() throws Exception {
        ClientConfig config = ClientConfig.of(server.baseUrl(), KEY);
        server.fallback(r -> Reply.json(401, "{\"error\":{\"message\":\"bad key\"}}"));
        ChatClient client = client(config);
        ChatResult result = client.start(streaming(), events::add).await();

        assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=(set)");
        assertThat(client.toString()).doesNotContain(KEY);
        assertThat(result.toString()).doesNotContain(KEY);
    }

    @Test
    void aBadBaseUrlIsRefusedWithOneLine() {
        assertThat(ClientConfig.baseUrlProblem("ftp://x/v1")).startsWith("base URL: must start with http:// or https://");
        assertThat(ClientConfig.baseUrlProblem("not a url")).startsWith("base URL:");
        assertThat(ClientConfig.baseUrlProblem("")).startsWith("base URL: required");
        assertThat(ClientConfig.baseUrlProblem("https://api.atlascloud.ai/v1")).isNull();
        assertThatThrownBy(() -> ClientConfig.of("localhost:8080", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientConfig.of("http://127.0.0.1:8080/v1/", null).uri("/models"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/v1/models"));
    }

    // ---- the raw tap

    @Test
    void theTapSeesTheExactRequestBodyStatusHeadersAndRawLines() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        RawTap tap = new RawTap() {
            @Override public void request(String method, URI uri, String body) { seen.add("request " + method + " " + uri.getPath() + " " + body); }
            @Override public void response(int status, Map<String, List<String>> headers) {
                seen.add("status " + status + " " + headers.get("content-type"));
            }
            @Override public void line(String line) { seen.add("line " + line); }
            @Override public void body(String body) { seen.add("body " + body); }
        };
        server.enqueue(Reply.stream().send(": hi\n\ndata: " + delta("x") + "\n\ndata: [DONE]\n\n"));

        client(ClientConfig.of(server.baseUrl(), KEY).withTap(tap)).start(streaming(), events::add).await();

        assertThat(seen).containsExactly(
                "request POST /v1/chat/completions " + ChatClient.JSON.writeValueAsString(streaming()),
                "status 200 [text/event-stream]",
                "line : hi", "line ", "line data: " + delta("x"), "line ", "line data: [DONE]", "line ");
        assertThat(String.join("\n", seen)).doesNotContain(KEY);
    }

    @Test
    void theTapSeesAWholeBody() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));
        ChatClient client = client(ClientConfig.of(server.baseUrl(), null));

        client.start(plain(), events::add, new RawTap() {
            @Override public void body(String body) { bodies.add(body); }
        }).await();

        assertThat(bodies).singleElement().asString().startsWith("{\"choices\":[{\"finish_reason\":\"length\"");
    }

    // ---- models

    @Test
    void fetchModelsReturnsTheTree() throws Exception {
        server.enqueue(Reply.recording("llama-server/models.txt", 0));

        JsonNode tree = client().fetchModels();

        assertThat(tree.path("data").get(0).path("id").asText()).isEqualTo("tiny-llama");
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/models");
        assertThat(server.requests().getFirst().method()).isEqualTo("GET");
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void fetchModelsReportsTypedErrors() {
        server.enqueue(Reply.json(401, "{\"code\":401,\"msg\":\"Unauthorized\"}"));
        assertThatThrownBy(() -> client().fetchModels()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isEqualTo(new ApiError(ApiError.Kind.AUTHENTICATION, 401, null, "Unauthorized")));
        server.enqueue(Reply.fixed(200, "text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> client().fetchModels()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().kind()).isEqualTo(ApiError.Kind.PROTOCOL));
    }

    @Test
    void closingTheClientStopsRunningCalls() throws Exception {
        server.enqueue(Reply.stream().events(delta("a")).stall());
        ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), null));
        ChatCall call = client.start(streaming(), events::add);
        server.takeRequest(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        client.close();
        assertThat(call.await().stopped()).isTrue();
    }

    @Test
    void aConsumerThatThrowsEndsTheCallInsteadOfHangingIt() throws Exception {
        server.enqueue(Reply.sse(delta("a"), delta("b"), FINISH));

        ChatResult result = client().start(streaming(), e -> {
            throw new IllegalStateException("view is gone");
        }).await();

        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.PROTOCOL);
        assertThat(result.error().message()).contains("view is gone");
    }

    @Test
    void keepAliveBlankLinesBeforeANonStreamedAnswerAreSkipped() throws Exception {
        server.enqueue(Reply.stream().send("\n").pause(20).send("\n\n").send(
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"late\"},\"finish_reason\":\"stop\"}]}")
                .header("Content-Type", "application/json"));
        ChatResult result = client().start(plain(), events::add).await();
        assertThat(result.content()).isEqualTo("late");
        assertThat(result.ok()).isTrue();
    }

    @Test
    void aPlainTextErrorEvent() throws Exception {
        server.enqueue(Reply.stream().events(delta("a")).send("event: error\ndata: upstream went away\n\n"));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(result.error()).isEqualTo(new ApiError(ApiError.Kind.SERVER, 200, null, "upstream went away"));
        assertThat(result.content()).isEqualTo("a");
    }

    @Test
    void multiLineDataHoldingOneChunk() throws Exception {
        server.enqueue(Reply.stream().send("data: {\"choices\":[{\"index\":0,\ndata: \"delta\":{\"content\":\"joined\"}}]}\n\n"));
        ChatResult result = client().start(streaming(), events::add).await();
        assertThat(result.content()).isEqualTo("joined");
    }

    @Test
    void anAnswerWithoutChoicesIsAProtocolError() throws Exception {
        server.enqueue(Reply.json(200, "{\"object\":\"chat.completion\"}"));
        ChatResult result = client().start(plain(), events::add).await();
        assertThat(result.error().kind()).isEqualTo(ApiError.Kind.PROTOCOL);
    }

    @Test
    void atlasCloudErrorWithStatus200() throws Exception {
        server.enqueue(Reply.json(200, "{\"code\":402,\"msg\":\"balance is used up\"}"));
        ChatResult result = client().start(plain(), events::add).await();
        assertThat(result.error()).isEqualTo(new ApiError(ApiError.Kind.PAYMENT, 200, null, "balance is used up"));
    }

    @Test
    void aKeyTheServerEchoesIsMaskedInTheError() throws Exception {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\",\"type\":\"invalid_request_error\"}}"));

        ChatResult result = client().start(streaming(), events::add).await();

        assertThat(result.error().message()).doesNotContain(KEY).contains("sk-t…6789");
        assertThat(events).filteredOn(e -> e instanceof StreamEvent.Error)
                .allSatisfy(e -> assertThat(((StreamEvent.Error) e).error().message()).doesNotContain(KEY));
    }

    @Test
    void aKeyTheModelListEchoesIsMaskedInTheError() {
        server.enqueue(Reply.json(401, "{\"code\":401,\"msg\":\"invalid key " + KEY + "\"}"));

        assertThatThrownBy(() -> client().fetchModels())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().message()).doesNotContain(KEY));
    }
}
