package parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A scripted OpenAI-compatible HTTP/1.1 server on 127.0.0.1 for tests. Replies are queued with
 * {@link #enqueue} (or produced by a {@link #fallback}); each is written part by part, so a test can
 * split a stream at any byte, pause, stall or cut the connection. Every request is recorded.
 */
public final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Recorded> arrivals = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Function<Recorded, Reply> fallback =
            r -> Reply.json(500, "{\"error\":{\"message\":\"no scripted reply for " + r.path() + "\"}}");

    private final boolean tls;

    private ScriptedServer(ServerSocket socket, boolean tls) {
        this.socket = socket;
        this.tls = tls;
        Thread.ofVirtual().name("scripted-server-accept").start(this::acceptLoop);
    }

    public static ScriptedServer start() {
        return startOn(0);
    }

    /** Starts on a given port (0 = any free one). */
    public static ScriptedServer startOn(int port) {
        try {
            return new ScriptedServer(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scripted server", e);
        }
    }

    /** Starts an HTTPS server on any free port, presenting the certificate of {@code context} (HTTP/1.1, no ALPN). */
    public static ScriptedServer startTls(SSLContext context) {
        try {
            return new ScriptedServer(context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scripted TLS server", e);
        }
    }

    public int port() { return socket.getLocalPort(); }

    /** {@code http://127.0.0.1:PORT/v1}, the way a provider's base URL looks. */
    public String baseUrl() { return baseUrl("127.0.0.1"); }

    /** The base URL with another name for this machine, e.g. {@code api.test} (see {@link TestHosts}). */
    public String baseUrl(String host) { return (tls ? "https://" : "http://") + host + ":" + port() + "/v1"; }

    public ScriptedServer enqueue(Reply reply) {
        replies.add(reply);
        return this;
    }

    /** The reply for requests when the queue is empty (default: a 500 that names the path). */
    public ScriptedServer fallback(Function<Recorded, Reply> handler) {
        this.fallback = handler;
        return this;
    }

    /** Every request received so far, in order. */
    public List<Recorded> requests() { return List.copyOf(recorded); }

    public int requestCount() { return recorded.size(); }

    /** The most requests that were being answered at once (received, their reply not yet written whole). */
    public int maxInFlight() { return maxInFlight.get(); }

    /** Waits for the next request not yet taken; null after the timeout. */
    public Recorded takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return arrivals.poll(timeout, unit);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) closeQuietly(s);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread.ofVirtual().name("scripted-server-conn").start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                Recorded request = readRequest(in);
                if (request == null) return;
                recorded.add(request);
                arrivals.add(request);
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Reply reply = replies.poll();
                    if (reply == null) reply = fallback.apply(request);
                    if (!reply.writeTo(out, client)) return;
                    if (!reply.keepsAlive()) return;
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        } catch (IOException ignored) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private static Recorded readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        byte[] body = readBody(in, headers);
        return new Recorded(parts[0], parts.length > 1 ? parts[1] : "", Collections.unmodifiableMap(headers), body);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                if (sizeLine == null) break;
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (true) {
                        String trailer = readLine(in);
                        if (trailer == null || trailer.isEmpty()) break;
                    }
                    break;
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') break;
            if (b != '\r') line.write(b);
        }
        if (b == -1 && line.size() == 0) return null;
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One request as the server received it. Header names are lower case. */
    public record Recorded(String method, String path, Map<String, String> headers, byte[] body) {
        public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    /** What the server answers: a status line, headers, then body parts written one by one. */
    public static final class Reply {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Part> parts = new ArrayList<>();
        private boolean chunked;
        private boolean keepAlive;
        private boolean headless;

        private Reply(int status) { this.status = status; }

        /** A JSON body with Content-Length. */
        public static Reply json(int status, String body) {
            return fixed(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        /** A body of any type with Content-Length. */
        public static Reply fixed(int status, String contentType, byte[] body) {
            Reply r = new Reply(status).header("Content-Type", contentType)
                    .header("Content-Length", Integer.toString(body.length));
            r.parts.add(new Part.Bytes(body));
            return r;
        }

        /**
         * No answer at all, not even a status line: follow it with {@link #stall()} (a server that
         * never answers) or {@link #hangUp()} (one that hangs up without answering).
         */
        public static Reply nothing() {
            Reply r = new Reply(0);
            r.headless = true;
            return r;
        }

        /** A 200 event stream, chunked; add the body with {@link #send}, {@link #events} and friends. */
        public static Reply stream() {
            Reply r = new Reply(200).header("Content-Type", "text/event-stream");
            r.chunked = true;
            return r;
        }

        /** A 200 event stream of the given {@code data:} payloads, each its own write, then [DONE]. */
        public static Reply sse(String... dataPayloads) {
            Reply r = stream();
            for (String data : dataPayloads) r.send("data: " + data + "\n\n");
            return r.send("data: [DONE]\n\n");
        }

        /** A stream whose body is written as it is, split into pieces of {@code pieceSize} bytes. */
        public static Reply streamInPieces(byte[] body, int pieceSize) {
            Reply r = stream();
            for (int i = 0; i < body.length; i += pieceSize) {
                r.parts.add(new Part.Bytes(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + pieceSize))));
            }
            return r;
        }

        /**
         * A recording of {@code src/test/resources/recordings/...}: the body up to the recorder's last
         * line {@code ---HTTP_STATUS <code> CONTENT_TYPE <type>---}, replayed with that status and type
         * (a stream is written in pieces of {@code pieceSize} bytes; 0 = all at once).
         */
        public static Reply recording(String resource, int pieceSize) {
            byte[] all = Recordings.bytes(resource);
            Recordings.Parsed p = Recordings.parse(all);
            if (p.contentType().startsWith("text/event-stream")) {
                return pieceSize <= 0 ? streamInPieces(p.body(), Math.max(1, p.body().length)) : streamInPieces(p.body(), pieceSize);
            }
            Reply r = fixed(p.status(), p.contentType(), p.body());
            return r;
        }

        public Reply header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Writes text (UTF-8) as one piece. */
        public Reply send(String text) {
            parts.add(new Part.Bytes(text.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        public Reply send(byte[] bytes) {
            parts.add(new Part.Bytes(bytes));
            return this;
        }

        /** Sends each text as an SSE {@code data:} event. */
        public Reply events(String... dataPayloads) {
            for (String data : dataPayloads) send("data: " + data + "\n\n");
            return this;
        }

        public Reply pause(long millis) {
            parts.add(new Part.Pause(millis));
            return this;
        }

        /** Sends nothing more and keeps the connection open until the client gives up or the server closes. */
        public Reply stall() {
            parts.add(new Part.Stall());
            return this;
        }

        /** Closes the connection at once, without ending the body: a cut connection. */
        public Reply cut() {
            parts.add(new Part.Cut());
            return this;
        }

        /**
         * Closes the connection in an orderly way (FIN) without ending the body: a cut whose bytes
         * sent before it are sure to reach the client, unlike {@link #cut()}'s reset, which may
         * discard them when the client has not read them yet.
         */
        public Reply hangUp() {
            parts.add(new Part.HangUp());
            return this;
        }

        /** Keeps the connection open for the next request instead of closing it after this reply. */
        public Reply keepAlive() {
            keepAlive = true;
            return this;
        }

        boolean keepsAlive() { return keepAlive; }

        /** Writes the reply; false when the connection was cut or stalled. */
        boolean writeTo(OutputStream out, Socket client) throws IOException {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                    .append(reason(status)).append("\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (chunked) head.append("Transfer-Encoding: chunked\r\n");
            head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n").append("\r\n");
            if (!headless) {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            for (Part part : parts) {
                switch (part) {
                    case Part.Bytes b -> writePiece(out, b.bytes());
                    case Part.Pause p -> sleep(p.millis());
                    case Part.Stall s -> {
                        stallUntilClosed(client);
                        return false;
                    }
                    case Part.HangUp h -> {
                        out.flush();
                        client.shutdownOutput();
                        client.close();
                        return false;
                    }
                    case Part.Cut c -> {
                        // end the connection mid-body; the FIN follows the data already written, so
                        // the client reads every byte before it sees the cut (a reset could discard them)
                        out.flush();
                        client.shutdownOutput();
                        client.close();
                        return false;
                    }
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            return true;
        }

        private void writePiece(OutputStream out, byte[] bytes) throws IOException {
            if (bytes.length == 0) return;
            if (chunked) {
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(bytes);
            }
            out.flush();
        }

        private static void stallUntilClosed(Socket client) {
            try {
                while (!client.isClosed() && client.getInputStream().read() != -1) {
                    // wait: a stalled server reads nothing more and sends nothing
                }
            } catch (IOException ignored) {
                // the client gave up
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 402 -> "Payment Required";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                case 504 -> "Gateway Timeout";
                default -> "Status";
            };
        }

        private sealed interface Part {
            record Bytes(byte[] bytes) implements Part {}
            record Pause(long millis) implements Part {}
            record Stall() implements Part {}
            record Cut() implements Part {}
            record HangUp() implements Part {}
        }
    }
}
