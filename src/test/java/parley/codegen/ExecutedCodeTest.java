package parley.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parley.api.ChatClient;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.ClientConfig;
import parley.api.RequestJson;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Recorded;
import parley.testing.ScriptedServer.Reply;

/**
 * Runs each generated snippet against a scripted server and compares what it posted with what the
 * app itself (ChatClient) posts for the same settings: the body as JSON, the key from the
 * environment, the path. Also checks that the snippet prints the reply (and the reasoning). The
 * requests cover every parameter, tools and a conversation holding tool calls, structured output,
 * seed, several choices, log-probabilities and extra fields. python-openai runs against a stand-in of the
 * package (see {@code python-openai-standin}), which posts what the SDK's keyword arguments make.
 */
class ExecutedCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ENV = "PARLEY_FIDELITY_KEY";
    private static final String KEY = "sk-test-" + UUID.randomUUID();
    static final List<String> EXECUTED = List.of("curl", "python-openai", "python-requests", "node-openai", "node-fetch",
            "java", "go");

    static final String CONTENT = "Hi \"there\" 👋 $(whoami) `id`, 你好";
    static final String REASONING = "Thinking about \"it\" 🤔";
    private static final String STREAM_REPLY_EVENTS = """
            {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"Thinking about \\"it\\""}}]}
            {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"reasoning_content":" 🤔"}}]}
            {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi \\"there\\" 👋"}}]}
            {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":" $(whoami) `id`, 你好"}}]}
            {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}
            {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":7,"total_tokens":16}}""";
    private static final String REPLY = """
            {"id":"c2","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,\
            "message":{"role":"assistant","content":"Hi \\"there\\" 👋 $(whoami) `id`, 你好",\
            "reasoning_content":"Thinking about \\"it\\" 🤔"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":9,"completion_tokens":7,"total_tokens":16}}""";

    record Case(String name, ChatRequest request, boolean withKey) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("tricky-stream", Scenarios.everything(true), true),
                new Case("tricky", Scenarios.everything(false), true),
                new Case("seed", Scenarios.seed(), true),
                new Case("no-key-stream", Scenarios.bare(true), false),
                new Case("tools", Scenarios.toolQuestion(false), true),
                new Case("tools-stream", Scenarios.toolQuestion(true), true),
                new Case("structured", Scenarios.structured(), true));
        List<Arguments> all = new ArrayList<>();
        for (String language : EXECUTED) {
            for (Case c : cases) {
                all.add(Arguments.of(language, c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void snippetPostsWhatTheAppPostsAndPrintsTheReply(String language, Case c) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        CodeGenerator generator = CodeLanguages.find(language).orElseThrow();
        Reply reply = c.request().streaming() ? Reply.sse(STREAM_REPLY_EVENTS.split("\n")) : Reply.json(200, REPLY);
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> reply)) {
            Recorded app = appRequest(server, c);
            String code = generator.generate(new CodeRequest(server.baseUrl(), c.withKey() ? KEY_ENV : null, c.request()));

            Toolchain.Run run = toolchain.run(code, generator.fileName(), c.name(), Map.of(KEY_ENV, KEY));
            Recorded snippet = server.takeRequest(5, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as("exit code; stderr:\n%s\nstdout:\n%s", run.stderr(), run.stdout()).isZero();
            assertThat(snippet).as("the snippet sent no request").isNotNull();
            assertThat(snippet.method()).isEqualTo("POST");
            assertThat(snippet.path()).isEqualTo(app.path()).isEqualTo("/v1/chat/completions");
            assertThat(snippet.header("content-type")).startsWith("application/json");
            assertSameJson(snippet.bodyText(), app.bodyText());
            if (c.withKey()) {
                assertThat(snippet.header("authorization")).isEqualTo("Bearer " + KEY).isEqualTo(app.header("authorization"));
            } else if (!language.endsWith("-openai")) {
                // the SDKs send the placeholder key "none"
                assertThat(snippet.header("authorization")).isNull();
            }
            assertThat(server.requestCount()).as("one request from the app, one from the snippet").isEqualTo(2);
            assertPrintsReply(language, c, run);
        }
    }

    static Stream<Arguments> conversations() {
        List<Arguments> all = new ArrayList<>();
        for (String language : EXECUTED) {
            all.add(Arguments.of(language, new Case("tool-conversation", Scenarios.tools(false), true)));
            all.add(Arguments.of(language, new Case("tool-conversation-stream", Scenarios.tools(true), true)));
        }
        return all.stream();
    }

    /** A conversation that went through tool calls (assistant calls with reasoning, tool results): the
     *  snippet posts the body exactly as {@link RequestJson} writes it, the one {@code ChatClient} posts. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("conversations")
    void snippetPostsAToolCallConversationAsTheAppWritesIt(String language, Case c) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        CodeGenerator generator = CodeLanguages.find(language).orElseThrow();
        Reply reply = c.request().streaming() ? Reply.sse(STREAM_REPLY_EVENTS.split("\n")) : Reply.json(200, REPLY);
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> reply)) {
            String code = generator.generate(new CodeRequest(server.baseUrl(), KEY_ENV, c.request()));

            Toolchain.Run run = toolchain.run(code, generator.fileName(), c.name(), Map.of(KEY_ENV, KEY));
            Recorded snippet = server.takeRequest(5, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as("exit code; stderr:\n%s\nstdout:\n%s", run.stderr(), run.stdout()).isZero();
            assertThat(snippet).as("the snippet sent no request").isNotNull();
            assertThat(snippet.path()).isEqualTo("/v1/chat/completions");
            assertSameJson(snippet.bodyText(), RequestJson.write(c.request()));
            assertThat(snippet.header("authorization")).isEqualTo("Bearer " + KEY);
            assertThat(server.requestCount()).isEqualTo(1);
            assertPrintsReply(language, c, run);
        }
    }

    static Stream<Arguments> unsetKeys() {
        List<Arguments> all = new ArrayList<>();
        for (String language : EXECUTED) {
            all.add(Arguments.of(language, "unset"));
            all.add(Arguments.of(language, "empty"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} key {1}")
    @MethodSource("unsetKeys")
    void snippetStopsWithAMessageWhenTheKeyVariableIsUnset(String language, String how) throws Exception {
        Toolchain toolchain = Toolchain.forLanguage(language).require();
        CodeGenerator generator = CodeLanguages.find(language).orElseThrow();
        try (ScriptedServer server = ScriptedServer.start().fallback(r -> Reply.sse(STREAM_REPLY_EVENTS.split("\n")))) {
            String code = generator.generate(new CodeRequest(server.baseUrl(), KEY_ENV, Scenarios.everything(true)));
            Map<String, String> env = new HashMap<>();
            env.put(KEY_ENV, how.equals("empty") ? "" : null);

            Toolchain.Run run = toolchain.run(code, generator.fileName(), "key-" + how, env);

            assertThat(run.exitCode()).as("exit code; stdout:\n%s", run.stdout()).isNotZero();
            // go run adds its own "exit status 1" after the program's output
            assertThat(run.stderr().strip().lines().filter(line -> !line.equals("exit status 1")))
                    .as("one line naming the variable").hasSize(1)
                    .first().asString().contains(KEY_ENV).contains("API key");
            assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).as("the snippet sent a request").isNull();
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void curlPrintsTheTextOfARecordedLlamaServerStream() throws Exception {
        Toolchain curl = Toolchain.forLanguage("curl").require();
        ChatRequest request = Scenarios.bare(true);
        try (ScriptedServer server = ScriptedServer.start()
                .fallback(r -> Reply.recording("llama-server/chat_stream.txt", 7))) {
            String expected;
            try (ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), null))) {
                expected = client.start(request, event -> { }).await().content();
            }
            String code = CodeLanguages.find("curl").orElseThrow().generate(new CodeRequest(server.baseUrl(), null, request));

            Toolchain.Run run = curl.run(code, "request.sh", "llama-server", Map.of());

            assertThat(expected).isNotBlank();
            assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
            assertThat(run.stdout()).isEqualTo(expected + "\n");
        }
    }

    @Test
    void curlStreamPrintsAnErrorBodyAndAnErrorEvent() throws Exception {
        Toolchain curl = Toolchain.forLanguage("curl").require();
        ChatRequest request = Scenarios.bare(true);
        try (ScriptedServer server = ScriptedServer.start()) {
            server.enqueue(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));
            server.enqueue(Reply.stream().events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}")
                    .send("event: error\n")
                    .events("{\"error\":{\"message\":\"Model overloaded\"}}"));
            String code = CodeLanguages.find("curl").orElseThrow().generate(new CodeRequest(server.baseUrl(), null, request));

            Toolchain.Run refused = curl.run(code, "request.sh", "http-error", Map.of());
            Toolchain.Run broken = curl.run(code, "request.sh", "error-event", Map.of());

            assertThat(refused.stdout()).contains("Incorrect API key provided");
            assertThat(broken.stdout()).startsWith("Hel\n").contains("Model overloaded");
        }
    }

    private static Recorded appRequest(ScriptedServer server, Case c) throws Exception {
        try (ChatClient client = new ChatClient(ClientConfig.of(server.baseUrl(), c.withKey() ? KEY : null))) {
            ChatResult result = client.start(c.request(), event -> { }).await();
            assertThat(result.error()).as("the app's own request failed").isNull();
            assertThat(result.content()).isEqualTo(CONTENT);
        }
        Recorded app = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(app).isNotNull();
        return app;
    }

    private static void assertPrintsReply(String language, Case c, Toolchain.Run run) {
        if (language.equals("curl")) {
            if (c.request().streaming()) {
                assertThat(run.stdout()).as("the text as it arrived, then a newline").isEqualTo(CONTENT + "\n");
            } else {
                assertThat(run.stdout()).contains("\"object\":\"chat.completion\"");
            }
            return;
        }
        assertThat(run.stdout().strip()).isEqualTo(CONTENT);
        assertThat(run.stderr()).contains(REASONING);
    }

    /** Equal as JSON: same members and values; numbers compare by value (1.0 equals 1). */
    static void assertSameJson(String actual, String expected) throws Exception {
        JsonNode a = JSON.readTree(actual);
        JsonNode e = JSON.readTree(expected);
        assertThat(a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1, e))
                .as("snippet body\n%s\nequals the app's body\n%s", a.toPrettyString(), e.toPrettyString())
                .isTrue();
    }
}
