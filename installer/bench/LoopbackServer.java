import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A loopback OpenAI-compatible server for the command line's start benchmark and for recording the
 * command line's classes into the start archive: {@code /v1/models} answers a list of two models,
 * {@code /v1/chat/completions} a short reply (a stream with usage when the request asks to stream,
 * else one JSON body). Prints {@code listening on http://127.0.0.1:PORT/v1} once it accepts
 * connections, and runs until it is stopped.
 * <pre>java installer/bench/LoopbackServer.java [PORT]      (0, the default: a free port)</pre>
 * Uses only the JDK, so that installer/package.sh can run it as a source file.
 */
public final class LoopbackServer {
    private static final String USAGE = "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}";
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"bench-model\",\"object\":\"model\"},"
            + "{\"id\":\"other-model\",\"object\":\"model\"}]}";

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", LoopbackServer::answer);
        server.start();
        System.out.println("listening on http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        System.out.flush();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.endsWith("/models") && exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "application/json", MODELS);
        } else if (path.endsWith("/chat/completions") && exchange.getRequestMethod().equals("POST")) {
            if (request.replace(" ", "").contains("\"stream\":true")) {
                send(exchange, 200, "text/event-stream", chunk("{\"role\":\"assistant\",\"content\":\"Hello\"}", null)
                        + chunk("{\"content\":\" there.\"}", null) + chunk("{}", "stop")
                        + "data: {\"id\":\"b1\",\"object\":\"chat.completion.chunk\",\"model\":\"bench-model\",\"choices\":[],"
                        + "\"usage\":" + USAGE + "}\n\n" + "data: [DONE]\n\n");
            } else {
                send(exchange, 200, "application/json", "{\"id\":\"b1\",\"object\":\"chat.completion\",\"model\":\"bench-model\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there.\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":" + USAGE + "}");
            }
        } else {
            send(exchange, 404, "application/json", "{\"error\":{\"message\":\"not found\",\"type\":\"not_found\"}}");
        }
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"b1\",\"object\":\"chat.completion.chunk\",\"model\":\"bench-model\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
