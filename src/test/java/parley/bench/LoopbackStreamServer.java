package parley.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback HTTP/1.1 server that answers every request with the same prepared SSE body, chunked in
 * 64 KiB pieces, as fast as the socket takes it. The body is built once and never copied, so the
 * server costs the benchmark as little as possible.
 */
final class LoopbackStreamServer implements AutoCloseable {
    private static final int PIECE = 64 * 1024;
    private final ServerSocket socket;
    private final byte[] body;

    LoopbackStreamServer(byte[] body) throws IOException {
        this.body = body;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "bench-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread worker = new Thread(() -> serve(client), "bench-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            int contentLength = readHead(in);
            in.readNBytes(contentLength);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), PIECE + 64);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int off = 0; off < body.length; off += PIECE) {
                int len = Math.min(PIECE, body.length - off);
                out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, off, len);
                out.write('\r');
                out.write('\n');
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads the request head; returns its Content-Length (0 when absent). */
    private static int readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String l = line.toString().trim();
                if (l.isEmpty()) {
                    return contentLength;
                }
                if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Integer.parseInt(l.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        return contentLength;
    }
}
