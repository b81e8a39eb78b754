package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.chat.ExchangeRecord;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;

class SendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("MY_KEY", "sk-test-123");
    private static final String RECORDED_TEXT = "kDZ over redDq I overbGa a userF0";

    private final ScriptedServer server = ScriptedServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun send(String... args) {
        List<String> all = new ArrayList<>(List.of("send", "--base-url", server.baseUrl(), "--model", "tiny-llama"));
        all.addAll(List.of(args));
        return CliRun.of(ENV, all.toArray(String[]::new));
    }

    @Test
    void streamsTheReplyToStdoutAndSendsTheRequestAsGiven() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 7));

        CliRun run = send("--key-env", "MY_KEY", "--message", "Hello", "--system", "Be brief.",
                "--max-tokens", "16", "--temperature", "0.2", "--stop", "END", "--include-usage");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(RECORDED_TEXT + "\n");
        assertThat(run.err()).isEmpty();
        ScriptedServer.Recorded request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer sk-test-123");
        JsonNode body = JSON.readTree(request.bodyText());
        assertThat(body.path("model").asText()).isEqualTo("tiny-llama");
        assertThat(body.path("messages").toString())
                .isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello\"}]");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.has("top_p")).as("a parameter not given is left out").isFalse();
    }

    @Test
    void noStreamWaitsForTheWholeReply() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));

        CliRun run = send("--message", "Hello", "--no-stream");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(RECORDED_TEXT + "\n");
        JsonNode body = JSON.readTree(server.requests().getFirst().bodyText());
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(server.requests().getFirst().header("authorization")).as("no key, none sent").isNull();
    }

    @Test
    void jsonReportsEveryField() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 0));

        CliRun run = send("--message", "Hello", "--include-usage", "--json");

        assertThat(run.code()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.properties()).extracting(Map.Entry::getKey).containsExactly("content", "reasoning",
                "finish_reason", "usage", "truncated", "error", "cost_usd", "ttft_ms", "duration_ms", "tool_ms", "tool_calls", "choices",
                "logprobs");
        assertThat(report.path("content").asText()).isEqualTo(RECORDED_TEXT);
        assertThat(report.path("reasoning").asText()).isEmpty();
        assertThat(report.path("finish_reason").asText()).isEqualTo("length");
        assertThat(report.path("usage").path("prompt_tokens").asInt()).isEqualTo(58);
        assertThat(report.path("usage").path("completion_tokens").asInt()).isEqualTo(16);
        assertThat(report.path("usage").path("total_tokens").asInt()).isEqualTo(74);
        assertThat(report.path("usage").path("cached_tokens").asInt()).isEqualTo(57);
        assertThat(report.path("usage").has("reasoning_tokens")).isTrue();
        assertThat(report.path("truncated").asBoolean()).isFalse();
        assertThat(report.path("error").isNull()).isTrue();
        assertThat(report.path("cost_usd").isNull()).isTrue();
        assertThat(report.path("ttft_ms").isNumber()).isTrue();
        assertThat(report.path("duration_ms").asLong()).isGreaterThanOrEqualTo(report.path("ttft_ms").asLong());
        assertThat(report.path("tool_calls").isNull()).as("no tools asked for: null, not absent").isTrue();
        assertThat(report.path("choices").isNull()).isTrue();
        assertThat(report.path("logprobs").isNull()).isTrue();
    }

    @Test
    void reasoningGoesToStderrAndTheReplyToStdout() {
        server.enqueue(Reply.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Let me think.\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Answer: 42 ✓\"}}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"));

        CliRun run = send("--message", "Why?");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("Answer: 42 ✓\n");
        assertThat(run.err()).isEqualTo("Let me think.\n");
    }

    @Test
    void everyFinishedSendReachesTheUsageHookAndItsCostIsReported() throws Exception {
        server.enqueue(Reply.recording("llama-server/chat_stream.txt", 0));
        List<ExchangeRecord> seen = new CopyOnWriteArrayList<>();

        CliRun run = CliRun.of(ENV, record -> {
            seen.add(record);
            return new BigDecimal("0.000123");
        }, "send", "--base-url", server.baseUrl(), "--model", "tiny-llama", "--message", "Hi", "--json");

        assertThat(run.code()).isZero();
        assertThat(JSON.readTree(run.out()).path("cost_usd").decimalValue()).isEqualByComparingTo("0.000123");
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.model()).isEqualTo("tiny-llama");
            assertThat(r.baseUrl()).isEqualTo(server.baseUrl());
            assertThat(r.result().content()).isEqualTo(RECORDED_TEXT);
        });
    }

    @Test
    void aCutStreamKeepsWhatArrivedAndIsReportedTruncated() throws Exception {
        server.enqueue(Reply.stream()
                .events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half of \"}}]}",
                        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"it\"}}]}")
                .pause(300).cut());

        CliRun run = send("--message", "Hello", "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("content").asText()).isEqualTo("Half of it");
        assertThat(report.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void aCutStreamInTextModeKeepsTheTextAndSaysSo() {
        server.enqueue(Reply.stream().events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"}}]}").pause(300).cut());

        CliRun run = send("--message", "Hello");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Half\n");
        assertThat(run.err()).contains("truncated").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRejectedKeyExitsWithTheProvidersMessage() throws Exception {
        server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-te***23.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

        CliRun run = send("--key-env", "MY_KEY", "--message", "Hello");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("parley: Incorrect API key provided").contains("HTTP 401")
                .doesNotContain("sk-test-123");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anAtlasCloudRefusalInJsonCarriesStatusTypeAndMessage() throws Exception {
        server.enqueue(Reply.json(402, "{\"code\":402,\"msg\":\"Insufficient balance\"}"));

        CliRun run = send("--message", "Hello", "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode error = JSON.readTree(run.out()).path("error");
        assertThat(error.path("status").asInt()).isEqualTo(402);
        assertThat(error.path("type").asText()).isNotBlank();
        assertThat(error.path("message").asText()).contains("Insufficient balance");
    }

    @Test
    void aStallPastTheTimeoutKeepsWhatArrived() throws Exception {
        server.enqueue(Reply.stream().events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Slow\"}}]}").stall());

        CliRun run = send("--message", "Hello", "--timeout", "1", "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("content").asText()).isEqualTo("Slow");
        assertThat(report.path("error").isNull()).isFalse();
    }

    private static final String BAD_GATEWAY_PAGE = "<html><head><title>502 Bad Gateway</title></head><body>"
            + "<h1>Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>";

    private static Reply badGateway() {
        return Reply.fixed(502, "text/html; charset=utf-8", BAD_GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTimeoutBetweenRetriesReportsTheLastAnswerAndHowOftenItWasRetried() throws Exception {
        server.fallback(r -> badGateway());

        // retries wait 1 s, then 2 s: the limit runs out during the second wait
        CliRun run = send("--message", "Hello", "--timeout", "2", "--json");

        assertThat(run.code()).isEqualTo(1);
        JsonNode error = JSON.readTree(run.out()).path("error");
        assertThat(error.path("status").asInt()).isEqualTo(502);
        assertThat(error.path("type").asText()).isEqualTo("server");
        assertThat(error.path("message").asText()).isEqualTo("HTTP 502: 502 Bad Gateway Bad Gateway The upstream server did not answer.");
        assertThat(error.properties()).extracting(Map.Entry::getKey).containsExactly("status", "type", "message", "retries");
        assertThat(error.path("retries").isInt()).isTrue();
        assertThat(error.path("retries").asInt()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aTimeoutBetweenRetriesInTextModeNamesTheAnswerAndTheRetries() {
        server.fallback(r -> badGateway());

        CliRun run = send("--message", "Hello", "--timeout", "2");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("parley: HTTP 502: 502 Bad Gateway Bad Gateway The upstream server did not answer. "
                + "(HTTP 502, server); retried 1 time; --timeout ran out before the next try");
    }

    static Stream<Arguments> errorKinds() {
        return Stream.of(
                Arguments.of("a refused key", List.of(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key\","
                        + "\"type\":\"invalid_request_error\"}}")), List.of(), 401, "invalid_request_error", "Incorrect API key", 0),
                Arguments.of("a server that never answers", List.of(Reply.nothing().stall()), List.of("--timeout", "1"),
                        null, "timeout", "no complete reply within 1 s (--timeout)", 0),
                Arguments.of("a connection cut during the reply", List.of(Reply.stream()
                        .events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"}}]}").pause(300).cut()),
                        List.of(), null, "network", "the connection broke during the answer", 0),
                Arguments.of("a connection cut before any answer, each time", List.of(Reply.nothing().hangUp(),
                        Reply.nothing().hangUp(), Reply.nothing().hangUp()), List.of(), null, "network", "failed", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorKinds")
    void everyErrorObjectSaysHowOftenTheRequestWasRetried(String name, List<Reply> replies, List<String> options,
                                                          Integer status, String type, String message, int retries) throws Exception {
        replies.forEach(server::enqueue);
        List<String> args = new ArrayList<>(List.of("--message", "Hello", "--json"));
        args.addAll(options);

        CliRun run = send(args.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(1);
        JsonNode error = JSON.readTree(run.out()).path("error");
        assertThat(error.path("status").isNull() ? null : error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("type").asText()).isEqualTo(type);
        assertThat(error.path("message").asText()).contains(message);
        assertThat(error.path("retries").isInt()).as("retries is a number, always there").isTrue();
        assertThat(error.path("retries").asInt()).isEqualTo(retries);
        assertThat(server.requestCount()).isEqualTo(retries + 1);
    }

    @Test
    void theMessageCanComeFromAFile() throws Exception {
        Path file = dir.resolve("prompt.txt");
        Files.writeString(file, "From a file ✓");
        server.enqueue(Reply.recording("llama-server/chat_nonstream.txt", 0));

        CliRun run = send("--message-file", file.toString(), "--no-stream");

        assertThat(run.code()).isZero();
        assertThat(JSON.readTree(server.requests().getFirst().bodyText()).path("messages").path(0).path("content").asText())
                .isEqualTo("From a file ✓");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(List.of("--message", "Hi", "--temperature", "2.5"), "temperature"),
                Arguments.of(List.of("--message", "Hi", "--top-p", "1.1"), "top_p"),
                Arguments.of(List.of("--message", "Hi", "--max-tokens", "0"), "max_tokens"),
                Arguments.of(List.of("--message", "Hi", "--frequency-penalty", "-2.5"), "frequency_penalty"),
                Arguments.of(List.of("--message", "Hi", "--presence-penalty", "3"), "presence_penalty"),
                Arguments.of(List.of("--message", "Hi", "--stop", "a", "--stop", "b", "--stop", "c", "--stop", "d",
                        "--stop", "e"), "stop"),
                Arguments.of(List.of("--message", "   "), "empty"),
                Arguments.of(List.of(), "--message"),
                Arguments.of(List.of("--message", "Hi", "--temperature", "warm"), "--temperature"),
                Arguments.of(List.of("--message", "Hi", "--timeout", "0"), "--timeout"),
                Arguments.of(List.of("--message-file", "/no/such/file.txt"), "--message-file"),
                Arguments.of(List.of("--message", "Hi", "--key-env", "UNSET_VARIABLE"), "UNSET_VARIABLE"),
                Arguments.of(List.of("--message", "Hi", "--unknown-flag"), "--unknown-flag"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badInputIsRefusedWithOneLineAndNothingIsSent(List<String> args, String named) {
        CliRun run = send(args.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("parley: ").contains(named).doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(server.requestCount()).isZero();
    }

    static Stream<Arguments> connectionRefusals() {
        return Stream.of(
                Arguments.of(List.of("--provider", "atlas"), "Unknown provider 'atlas'"),
                Arguments.of(List.of("--base-url", "localhost:8080/v1"), "base URL"),
                Arguments.of(List.of("--base-url", "http://exa mple.com/v1"), "base URL"),
                Arguments.of(List.of("--provider", "atlascloud"), "ATLASCLOUD_API_KEY"),
                Arguments.of(List.of("--base-url", "http://192.0.2.7:8080/v1", "--api-key", "sk-x"),
                        "--allow-insecure-key"),
                Arguments.of(List.of("--provider", "openai", "--base-url", "https://x.example/v1"), "not both"));
    }

    @ParameterizedTest
    @MethodSource("connectionRefusals")
    void unusableConnectionsAreRefusedBeforeSending(List<String> args, String named) {
        List<String> all = new ArrayList<>(List.of("send", "--model", "m", "--message", "Hi"));
        all.addAll(args);

        CliRun run = CliRun.of(Map.of(), all.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("parley: ").contains(named);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("sk-x");
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.of(Map.of(), "send", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--message").contains("--json").contains("--no-stream");
    }
}
