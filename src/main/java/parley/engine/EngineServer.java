package parley.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;

/**
 * The OpenAI-compatible API over one loaded model: {@code POST /v1/chat/completions},
 * {@code GET /v1/models}, {@code GET /health}. Errors in OpenAI's format. Bound when created, answering
 * once {@link #start()} ran; each exchange on its own thread.
 */
public final class EngineServer {
    private static final int MAX_BODY = 8 << 20;

    private final HttpServer http;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ModelFacts facts;
    private final String alias;
    private final byte[] apiKey;
    private final Replies replies;
    private final long created = System.currentTimeMillis() / 1000;
    private CompletionHandler completions;
    private final PrintStream log;

    private EngineServer(HttpServer http, ModelFacts facts, String alias, String apiKey, PrintStream log) {
        this.http = http;
        this.facts = facts;
        this.alias = alias;
        this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
        this.replies = new Replies(json, alias);
        this.log = log;
    }

    /** Binds the address now, so a port in use is found before the model is loaded. */
    public static EngineServer bind(InetSocketAddress address, ModelFacts facts, String alias, String apiKey, PrintStream log)
            throws IOException {
        // each token is its own small write: without TCP_NODELAY, Nagle's algorithm holds one back
        // until the client acknowledges the last (read once, when the server's configuration loads)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(address, 64);
        return new EngineServer(http, facts, alias, apiKey, log);
    }

    /** Starts answering with the loaded model. */
    public void start(LocalModel model, int contextSize) {
        completions = new CompletionHandler(model, contextSize, json, replies, log);
        // platform threads: a generating request waits in native code for every token, which pins a virtual thread
        http.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().name("parley-serve-", 0).daemon().factory()));
        http.createContext("/", this::dispatch);
        http.start();
    }

    public URI baseUri(String host) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + http.getAddress().getPort() + "/v1");
    }

    /** When the last request ended, in {@link System#nanoTime()}; and whether one runs now. */
    long lastActivity() {
        return completions.lastActivity();
    }

    boolean idle() {
        return !completions.busy() && completions.waiting() == 0;
    }

    public void stop() {
        http.stop(0);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.equals("/health")) {
                    requireMethod(method, "GET");
                    health(exchange);
                    return;
                }
                authorize(exchange);
                switch (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) {
                    case "/v1/models" -> {
                        requireMethod(method, "GET");
                        send(exchange, 200, replies.models(facts, created));
                    }
                    case "/v1/chat/completions" -> {
                        requireMethod(method, "POST");
                        completions.handle(exchange, body(exchange));
                    }
                    default -> throw new BadRequest(404, null, "not_found", "no such endpoint: " + method + " " + path
                            + " (this server offers POST /v1/chat/completions, GET /v1/models and GET /health)");
                }
            } catch (BadRequest e) {
                String type = e.status() == 401 ? "authentication_error" : e.status() == 404 ? "not_found_error" : "invalid_request_error";
                send(exchange, e.status(), replies.error(e.getMessage(), type, e.param(), e.code()));
            } catch (RuntimeException e) {
                log.println("request failed: " + e);
                send(exchange, 500, replies.error("the engine failed: " + e.getMessage(), "server_error", null, null));
            }
        } catch (IOException e) {
            // the client went away before the answer was written
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("status", "ok");
        body.put("model", alias);
        body.put("busy", completions.busy());
        body.put("queued", completions.waiting());
        send(exchange, 200, body);
    }

    private void authorize(HttpExchange exchange) throws BadRequest {
        if (apiKey == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, apiKey)) {
            throw new BadRequest(401, null, "invalid_api_key", "a valid key is required: send it as Authorization: Bearer KEY");
        }
    }

    private static void requireMethod(String method, String expected) throws BadRequest {
        if (!method.equalsIgnoreCase(expected)) {
            throw new BadRequest(405, null, "method_not_allowed", "use " + expected + " here (was " + method + ")");
        }
    }

    private static String body(HttpExchange exchange) throws IOException, BadRequest {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest(413, null, "request_too_large", "the body is larger than " + (MAX_BODY >> 20) + " MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
