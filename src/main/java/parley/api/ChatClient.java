package parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Talks to one OpenAI-compatible provider over {@code java.net.http}: streaming and non-streaming chat
 * completions reported as {@link StreamEvent}s, Stop, idle-read timeout, retries, and the model list.
 * One instance per provider; thread-safe. The key goes only to the configured base URL.
 */
public final class ChatClient implements ChatBackend {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ClientConfig config;
    private final HttpClient http;
    private final URI chatUri;
    private final URI modelsUri;
    private final Set<HttpChatCall> running = ConcurrentHashMap.newKeySet();

    public ChatClient(ClientConfig config) {
        this(config, Transport.JDK_DEFAULT);
    }

    /** A client whose connections follow {@code transport} (proxy, proxy credentials, trusted certificates). */
    public ChatClient(ClientConfig config, Transport transport) {
        this.config = config;
        this.chatUri = config.uri("/chat/completions");
        this.modelsUri = config.uri("/models");
        boolean tls = chatUri.getScheme().equalsIgnoreCase("https");
        this.http = transport.builder()
                .connectTimeout(config.connectTimeout())
                // HTTP/2 is negotiated over TLS; plain http stays on HTTP/1.1 (no h2c upgrade dance)
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ClientConfig config() {
        return config;
    }

    @Override
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events) {
        return start(request, events, config.tap());
    }

    /** Like {@link #start(ChatRequest, Consumer)}, with a raw tap for this request alone (null for none). */
    public ChatCall start(ChatRequest request, Consumer<StreamEvent> events, RawTap tap) {
        HttpChatCall call = new HttpChatCall(this, request, events, tap);
        List<String> problems = RequestValidator.problems(request);
        if (!problems.isEmpty()) {
            return call.refuse(new ApiError(ApiError.Kind.BAD_REQUEST, 0, "invalid_request",
                    String.join("; ", problems)));
        }
        String keyProblem = insecureKeyProblem();
        if (keyProblem != null) {
            return call.refuse(new ApiError(ApiError.Kind.BAD_REQUEST, 0, "insecure_key", keyProblem));
        }
        running.add(call);
        Thread.ofVirtual().name("parley-chat").start(() -> {
            try {
                call.run();
            } finally {
                running.remove(call);
            }
        });
        return call;
    }

    /**
     * {@code GET {base}/models}: the parsed JSON as the server sent it (OpenAI's list, Atlas Cloud's
     * {@code {code,msg,data}}, …); {@code provider/} reads the models out of it.
     */
    public JsonNode fetchModels() throws ApiException {
        String keyProblem = insecureKeyProblem();
        if (keyProblem != null) {
            throw new ApiException(new ApiError(ApiError.Kind.BAD_REQUEST, 0, "insecure_key", keyProblem));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(modelsUri)
                .timeout(config.idleTimeout())
                .header("Accept", "application/json")
                .GET();
        authorize(builder);
        HttpResponse<InputStream> response;
        String body;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            body = textUpTo(response.body(), config.limits().modelListBytes());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ApiException(new ApiError(ApiError.Kind.TIMEOUT, 0, null,
                    "no answer from " + modelsUri + " within " + config.idleTimeout().toSeconds() + " s"));
        } catch (IOException e) {
            throw new ApiException(new ApiError(ApiError.Kind.NETWORK, 0, null,
                    "could not reach " + modelsUri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(new ApiError(ApiError.Kind.CANCELLED, 0, null, "the model list request was cancelled"));
        }
        if (body == null) {
            throw new ApiException(new ApiError(ApiError.Kind.PROTOCOL, response.statusCode(), "too_large",
                    ReadLimits.refusal("the model list", config.limits().modelListBytes(), ReadLimits.MODEL_LIST_SETTING)));
        }
        if (config.tap() != null) {
            config.tap().response(response.statusCode(), response.headers().map());
            config.tap().body(body);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(ErrorBodies.fromResponse(response.statusCode(), body).hiding(config.apiKey()));
        }
        try {
            JsonNode tree = JSON.readTree(body);
            ApiError inBody = ErrorBodies.fromJson(tree, response.statusCode(), 0);
            if (inBody != null && !tree.has("data")) {
                throw new ApiException(inBody.hiding(config.apiKey()));
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ApiException(new ApiError(ApiError.Kind.PROTOCOL, response.statusCode(), null,
                    "the model list is not JSON: " + ErrorBodies.excerpt(body)));
        }
    }

    /** The body as UTF-8 text; null when it is longer than {@code limit} bytes (the rest is not read). */
    private static String textUpTo(InputStream body, long limit) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes((int) limit + 1);
            return bytes.length > limit ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Stops every running request and releases the connections. */
    @Override
    public void close() {
        running.forEach(HttpChatCall::close);
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return "ChatClient[" + config + "]";
    }

    /** Null when the key may be sent to the base URL, else why not ({@link InsecureKey}). */
    String insecureKeyProblem() {
        return InsecureKey.refusal(config.baseUrl(), config.hasKey(), config.allowInsecureKey(),
                "allow the key over plain http for this server");
    }

    HttpClient http() {
        return http;
    }

    String json(ChatRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    HttpRequest chatRequest(String json, boolean streaming) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(chatUri)
                .header("Content-Type", "application/json")
                .header("Accept", streaming ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        authorize(builder);
        return builder.build();
    }

    private void authorize(HttpRequest.Builder builder) {
        if (config.hasKey()) {
            builder.header("Authorization", "Bearer " + config.apiKey());
        }
    }
}
