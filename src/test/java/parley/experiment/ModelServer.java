package parley.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import parley.api.ChatBackend;
import parley.api.ChatClient;
import parley.api.ChatMessage;
import parley.api.ClientConfig;
import parley.testing.ScriptedServer;
import parley.testing.ScriptedServer.Reply;
import parley.usage.TokenEstimator;

/**
 * A scripted server that answers by model: a delay per model before the first piece, models that
 * fail with a status, the first N requests rate-limited, and a reply text made from the request. It
 * reports usage with the prompt tokens counted as the estimate counts them and the completion tokens
 * as {@code max_tokens} (or 5), so that costs can be compared exactly.
 */
public final class ModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenEstimator TOKENS = new TokenEstimator();

    public final ScriptedServer server = ScriptedServer.start();
    public final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    public final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final Map<String, String> fixed = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile String retryAfter;
    private volatile long pauseMidway;

    public ModelServer() {
        server.fallback(this::answer);
    }

    public ModelServer delay(String model, long millis) { delays.put(model, millis); return this; }

    public ModelServer failing(String model, int status) { failing.put(model, status); return this; }

    /** This model always answers this text. */
    public ModelServer says(String model, String text) { fixed.put(model, text); return this; }

    /** The next {@code count} requests get a 429 with this Retry-After (null for none). */
    public ModelServer rateLimit(int count, String after) { rateLimited.set(count); retryAfter = after; return this; }

    /** Each reply pauses this long after its first piece. */
    public ModelServer pauseMidway(long millis) { pauseMidway = millis; return this; }

    public String baseUrl() { return server.baseUrl(); }

    /** A client of this server, retrying as told. */
    public ChatBackend client(int retries) {
        return new ChatClient(ClientConfig.of(baseUrl(), null).withRetries(retries, Duration.ofMillis(20)));
    }

    public Target target(String model) { return new Target("custom", baseUrl(), model); }

    /** The text a model answers to a request: model, its temperature and seed, its last message. */
    public static String echo(JsonNode body) {
        JsonNode messages = body.get("messages");
        return body.get("model").asText() + " t=" + body.path("temperature").asText("-") + " s="
                + body.path("seed").asText("-") + " " + messages.get(messages.size() - 1).get("content").asText();
    }

    private Reply answer(ScriptedServer.Recorded recorded) {
        arrivals.add(System.nanoTime());
        JsonNode body;
        try {
            body = JSON.readTree(recorded.bodyText());
        } catch (Exception e) {
            return Reply.json(400, "{\"error\":{\"message\":\"not JSON\"}}");
        }
        bodies.add(body);
        String model = body.get("model").asText();
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Reply limited = Reply.json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}");
            return retryAfter == null ? limited : limited.header("Retry-After", retryAfter);
        }
        if (failing.containsKey(model)) {
            return Reply.json(failing.get(model), "{\"error\":{\"message\":\"" + model + " is down\"}}");
        }
        String text = fixed.getOrDefault(model, echo(body));
        int completion = body.path("max_tokens").asInt(5);
        String usage = usage(body, completion);
        if (!body.path("stream").asBoolean(false)) {
            return Reply.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":" + usage + "}");
        }
        int half = text.length() / 2;
        return Reply.stream().pause(delays.getOrDefault(model, 0L))
                .events(delta(text.substring(0, half)))
                .pause(pauseMidway)
                .events(delta(text.substring(half)), "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                        "{\"choices\":[],\"usage\":" + usage + "}")
                .send("data: [DONE]\n\n");
    }

    private static String usage(JsonNode body, int completion) {
        List<ChatMessage> messages = new ArrayList<>();
        body.get("messages").forEach(m -> messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText())));
        int prompt = TOKENS.countPrompt(messages);
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}";
    }

    private static String delta(String text) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "}}]}";
    }

    private static String quote(String text) {
        ObjectNode node = JSON.createObjectNode().put("t", text);
        String json = node.toString();
        return json.substring(5, json.length() - 1);
    }

    /** The bodies of the requests for this model. */
    public List<JsonNode> bodiesOf(String model) {
        return bodies.stream().filter(b -> b.get("model").asText().equals(model)).toList();
    }

    public static Function<Target, ChatBackend> only(ChatBackend backend) {
        return target -> backend;
    }

    @Override
    public void close() {
        server.close();
    }
}
