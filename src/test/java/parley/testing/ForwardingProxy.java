package parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on 127.0.0.1 for tests: tunnels {@code CONNECT host:port} (HTTPS) and forwards plain
 * requests in absolute form ({@code GET http://host:port/path}), as company proxies do. It records
 * what it forwarded (the target of each tunnel or request) and can require Basic credentials,
 * answering 407 without them. It reaches only this machine: a target outside {@code .test},
 * {@code localhost} and {@code 127.0.0.1} gets a 502, so no test traffic leaves the machine.
 */
public final class ForwardingProxy implements AutoCloseable {
    /** One request the proxy answered: CONNECT or a forwarded method, its target, and whether it was let through. */
    public record Handled(String method, String target, boolean forwarded) {}

    private final ServerSocket socket;
    private final String requiredAuthorization;
    private final List<Handled> handled = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private ForwardingProxy(String user, String password) throws IOException {
        this.requiredAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("test-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy that lets everyone through. */
    public static ForwardingProxy open() {
        return start(null, null);
    }

    /** A proxy that wants Basic credentials for {@code user} and {@code password}. */
    public static ForwardingProxy requiring(String user, String password) {
        return start(user, password);
    }

    private static ForwardingProxy start(String user, String password) {
        try {
            return new ForwardingProxy(user, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test proxy", e);
        }
    }

    public int port() { return socket.getLocalPort(); }

    /** {@code http://127.0.0.1:PORT}, the way a proxy variable names it. */
    public String url() { return "http://127.0.0.1:" + port(); }

    /** Every request answered so far, refused ones too. */
    public List<Handled> handled() { return List.copyOf(handled); }

    /** How many tunnels and requests it let through to a server. */
    public long forwardedCount() { return handled.stream().filter(Handled::forwarded).count(); }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(ScriptedServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread.ofVirtual().name("test-proxy-conn").start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) return;
                String[] line = head.getFirst().split(" ");
                String method = line[0];
                String target = line.length > 1 ? line[1] : "";
                if (requiredAuthorization != null && !requiredAuthorization.equals(header(head, "proxy-authorization"))) {
                    handled.add(new Handled(method, target, false));
                    refuse(out, in, head);
                    continue; // the client retries on the same connection with credentials
                }
                if (!isLocal(method.equals("CONNECT") ? "//" + target : target)) {
                    handled.add(new Handled(method, target, false));
                    answer(out, "502 Bad Gateway");
                    return;
                }
                handled.add(new Handled(method, target, true));
                if (method.equals("CONNECT")) tunnel(client, in, out, target);
                else forward(client, in, out, head);
                return;
            }
        } catch (IOException ignored) {
            // a side went away
        } finally {
            open.remove(client);
        }
    }

    private static boolean isLocal(String target) {
        String host = URI.create(target).getHost();
        return host != null && (host.endsWith(".test") || host.equals("localhost") || host.equals("127.0.0.1"));
    }

    private static void answer(OutputStream out, String status) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void refuse(OutputStream out, InputStream in, List<String> head) throws IOException {
        String length = header(head, "content-length");
        if (length != null) in.readNBytes(Integer.parseInt(length.trim()));
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket server = new Socket(InetAddress.getByName(authority.substring(0, colon)),
                Integer.parseInt(authority.substring(colon + 1)))) {
            open.add(server);
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pipe(client, in, server);
        }
    }

    /** Sends the request on in origin form, then passes bytes both ways until either side closes. */
    private void forward(Socket client, InputStream in, OutputStream out, List<String> head) throws IOException {
        String[] line = head.getFirst().split(" ");
        URI uri = URI.create(line[1]);
        try (Socket server = new Socket(InetAddress.getByName(uri.getHost()), uri.getPort() < 0 ? 80 : uri.getPort())) {
            open.add(server);
            StringBuilder request = new StringBuilder(line[0]).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(' ').append(line[2]).append("\r\n");
            head.stream().skip(1).filter(h -> !h.toLowerCase(Locale.ROOT).startsWith("proxy-"))
                    .forEach(h -> request.append(h).append("\r\n"));
            request.append("\r\n");
            server.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            pipe(client, in, server);
        }
    }

    private static void pipe(Socket client, InputStream in, Socket server) throws IOException {
        Thread up = Thread.ofVirtual().start(() -> {
            try {
                in.transferTo(server.getOutputStream());
                server.shutdownOutput();
            } catch (IOException ignored) {
                // a side went away
            }
        });
        server.getInputStream().transferTo(client.getOutputStream());
        client.shutdownOutput();
        try {
            up.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) return lines;
                lines.add(text);
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
        return List.of();
    }

    private static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) return h.substring(colon + 1).trim();
        }
        return null;
    }
}
