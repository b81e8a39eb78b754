package parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.api.ChatCall;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.StreamEvent;

/** {@code parley serve} over the test model, in a child JVM, asked by the project's own client and by curl. */
class EngineServeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EngineProcess engine;
    private static ChatClient client;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        engine = EngineProcess.start(EngineCommand.current(Path.of(System.getProperty("java.io.tmpdir"))),
                EngineSettings.DEFAULT, ModelFacts.read(TestModels.tiny()), Duration.ofSeconds(60));
        client = new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (http != null) http.close();
        if (engine != null) engine.close();
    }

    private static ChatRequest ask(String text, Integer maxTokens, boolean stream) {
        return new ChatRequest("parley-test-tiny", List.of(ChatMessage.user(text)), maxTokens, 0.8, null, null, null,
                null, stream, stream ? ChatRequest.StreamOptions.INCLUDE_USAGE : null, java.util.Map.of("seed", 7));
    }

    @Test
    void answersTheProjectsClientWholeAndStreamed() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            ChatResult result = client.start(ask("Hello", 12, stream), e -> { }).await();

            assertThat(result.ok()).as("stream %s: %s", stream, result.error()).isTrue();
            assertThat(result.content()).isNotBlank();
            assertThat(result.usage().promptTokens()).isPositive();
            assertThat(result.usage().completionTokens()).isBetween(1, 12);
            assertThat(result.finishReason()).isIn("stop", "length");
        }
    }

    @Test
    void aFixedSeedGivesTheSameReplyTwice() throws Exception {
        ChatResult first = client.start(ask("Tell me a story", 40, true), e -> { }).await();
        ChatResult second = client.start(ask("Tell me a story", 40, false), e -> { }).await();

        assertThat(second.content()).isEqualTo(first.content()).isNotEmpty();
    }

    @Test
    void maxTokensEndsWithLengthAfterThatManyTokens() throws Exception {
        ChatRequest request = ask("Go on", 7, false).withModel("parley-test-tiny");
        ChatResult result = client.start(new ChatRequest(request.model(), request.messages(), 7, 1.5, null, null, null,
                null, false, null, java.util.Map.of("seed", 11)), e -> { }).await();

        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage().completionTokens()).isEqualTo(7);
    }

    /**
     * The client is shut down as {@link EngineBackend} does on Stop: closing only the body leaves the
     * socket open until the JDK client's selector next wakes, up to three seconds later.
     */
    @Test
    void stopEndsGenerationWithinATokenOrTwo() throws Exception {
        int number = nextRequestNumber();
        CountDownLatch firstDelta = new CountDownLatch(1);
        ChatRequest request = new ChatRequest("parley-test-tiny", List.of(ChatMessage.user("Talk")), 1900, 1.5, null,
                null, null, null, true, null, java.util.Map.of("seed", 3));
        ChatClient own = new ChatClient(ClientConfig.of(engine.baseUrl().toString(), null));
        ChatCall call = own.start(request, e -> {
            if (e instanceof StreamEvent.Delta) firstDelta.countDown();
        });
        assertThat(firstDelta.await(20, TimeUnit.SECONDS)).isTrue();
        own.close();

        assertThat(call.await().stopped()).isTrue();
        String line = awaitRequestLine(number);
        assertThat(line).contains("stopped by the client");
        int completion = Integer.parseInt(line.replaceAll(".*prompt tokens, (\\d+) completion tokens.*", "$1"));
        assertThat(completion).isLessThan(1900);
    }

    @Test
    void aRequestThatWaitedSaysSo() throws Exception {
        CountDownLatch firstDelta = new CountDownLatch(1);
        ChatRequest longOne = new ChatRequest("parley-test-tiny", List.of(ChatMessage.user("Talk")), 1900, 1.5, null,
                null, null, null, true, null, java.util.Map.of("seed", 5));
        ChatCall running = client.start(longOne, e -> {
            if (e instanceof StreamEvent.Delta) firstDelta.countDown();
        });
        assertThat(firstDelta.await(20, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> queued = post("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}");
        running.await();

        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(queued.headers().firstValue("X-Parley-Queued-Ms")).isPresent();
    }

    @Test
    void modelsAndHealth() throws Exception {
        JsonNode models = JSON.readTree(get("/v1/models").body());
        JsonNode health = JSON.readTree(get("/health").body());

        assertThat(models.path("data").get(0).path("id").asText()).isEqualTo("parley-test-tiny");
        assertThat(models.path("data").get(0).path("meta").path("architecture").asText()).isEqualTo("llama");
        assertThat(health.path("status").asText()).isEqualTo("ok");
    }

    @Test
    void badRequestsAreRefusedInOpenAisFormatNamingTheParameter() throws Exception {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertRefused("{\"model\":\"m\"," + messages + ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}", "tools");
        assertRefused("{\"model\":\"m\"," + messages + ",\"logprobs\":true}", "logprobs");
        assertRefused("{\"model\":\"m\"," + messages + ",\"n\":2}", "n");
        assertRefused("{\"model\":\"m\"," + messages + ",\"temperature\":3}", "temperature");
        assertRefused("{\"model\":\"m\"," + messages + ",\"temperature\":\"hot\"}", "temperature");
        assertRefused("{\"model\":\"m\"," + messages + ",\"max_tokens\":0}", "max_tokens");
        assertRefused("{\"model\":\"m\"," + messages + ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}", "stop");
        assertRefused("{\"model\":\"m\",\"messages\":[]}", "messages");
        assertRefused("{\"model\":\"m\"," + messages + ",\"seed\":99999999999}", "seed");
        assertThat(post("{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void curlGetsTheSameAnswers() throws Exception {
        if (!onPath("curl")) return;
        String url = engine.baseUrl() + "/chat/completions";
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":5,\"seed\":1";
        String whole = run("curl", "-sS", url, "-H", "Content-Type: application/json", "-d", body + "}");
        String streamed = run("curl", "-sSN", url, "-H", "Content-Type: application/json", "-d",
                body + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        String models = run("curl", "-sS", engine.baseUrl() + "/models");

        assertThat(JSON.readTree(whole).path("usage").path("completion_tokens").asInt()).isEqualTo(5);
        assertThat(streamed).contains("\"finish_reason\":\"length\"", "\"completion_tokens\":5").endsWith("data: [DONE]\n\n");
        assertThat(models).contains("\"id\":\"parley-test-tiny\"");
        assertThat(run("curl", "-sS", engine.baseUrl().resolve("/health").toString())).contains("\"ok\"");
    }

    private static void assertRefused(String body, String param) throws Exception {
        HttpResponse<String> response = post(body);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(error.path("param").asText()).as(body).isEqualTo(param);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).startsWith(param);
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(engine.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(engine.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> requestLines() {
        return engine.lastLines().stream().filter(l -> l.startsWith("request ")).toList();
    }

    /** The number the engine gives the next request, once the ones before have ended and logged their line. */
    private static int nextRequestNumber() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (JSON.readTree(get("/health").body()).path("busy").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return requestLines().stream().mapToInt(l -> Integer.parseInt(l.replaceAll("^request (\\d+):.*", "$1")))
                .max().orElse(0) + 1;
    }

    /** The log line of request {@code number}, once it ended. */
    private static String awaitRequestLine(int number) throws InterruptedException {
        AtomicReference<String> line = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (line.get() == null && System.nanoTime() < deadline) {
            requestLines().stream().filter(l -> l.startsWith("request " + number + ":")).findFirst().ifPresent(line::set);
            Thread.sleep(20);
        }
        assertThat(line.get()).as("the log line of request %d", number).isNotNull();
        return line.get();
    }

    static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, tool)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
