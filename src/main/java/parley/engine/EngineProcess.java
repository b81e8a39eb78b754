package parley.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@code parley serve} child that this process owns: started on a free loopback port,
 * ready once it printed its address and {@code /health} answered. It ends when {@link #close()} is
 * called, when this process ends (it watches its parent and its standard input), or when idle for
 * its idle timeout. Thread-safe.
 */
public final class EngineProcess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineProcess.class.getName());

    private static final int KEPT_LINES = 40;

    private final Process process;
    private final URI baseUrl;
    private final ModelFacts facts;
    private final Deque<String> lastLines;
    private volatile boolean askedToEnd;

    private EngineProcess(Process process, URI baseUrl, ModelFacts facts, Deque<String> lastLines) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.facts = facts;
        this.lastLines = lastLines;
    }

    /**
     * Starts the child and waits until it answers; {@link EngineException} with its last lines when
     * it ends first or does not answer within {@code startTimeout}.
     */
    public static EngineProcess start(EngineCommand command, EngineSettings settings, ModelFacts facts, Duration startTimeout)
            throws EngineException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--model", facts.file().toString(), "--port", "0",
                "--host", "127.0.0.1", "--parent", Long.toString(ProcessHandle.current().pid())));
        if (settings.contextSize() > 0) {
            args.addAll(List.of("--ctx", Integer.toString(settings.contextSize())));
        }
        if (settings.threads() > 0) {
            args.addAll(List.of("--threads", Integer.toString(settings.threads())));
        }
        if (settings.idleTimeout() != null) {
            args.addAll(List.of("--idle-timeout", Long.toString(Math.max(1, settings.idleTimeout().toSeconds()))));
        }
        Process process;
        try {
            process = new ProcessBuilder(command.serve(args)).start(); // standard input stays open: its end tells the child to go
        } catch (IOException e) {
            throw new EngineException("cannot start the engine (" + command.java() + "): " + e.getMessage(), List.of());
        }
        Deque<String> lines = new ArrayDeque<>();
        keepLastLines(process.getErrorStream(), lines);
        CompletableFuture<String> address = readAddress(process.getInputStream(), lines);
        try {
            URI baseUrl = URI.create(address.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS));
            awaitHealth(baseUrl, process, lines, Duration.ofSeconds(10));
            LOG.log(System.Logger.Level.INFO, "engine started: pid " + process.pid() + ", " + facts.file() + " at " + baseUrl);
            process.onExit().thenAccept(ended -> LOG.log(System.Logger.Level.INFO,
                    "engine ended: pid " + ended.pid() + ", exit code " + ended.exitValue()));
            return new EngineProcess(process, baseUrl, facts, lines);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            LOG.log(System.Logger.Level.WARNING, "engine did not start: " + facts.file());
            throw failure(process, lines, e instanceof TimeoutException
                    ? "the engine did not start within " + startTimeout.toSeconds() + " s" : "the engine ended while starting");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public ModelFacts facts() {
        return facts;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the child ends, however it ends. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** The last lines the child wrote on standard error, oldest first. */
    public List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** True once {@link #close()} was called: an end after it is not a crash. */
    public boolean askedToEnd() {
        return askedToEnd;
    }

    /** Ends the child: closing its standard input asks it to go; after two seconds it is killed. */
    @Override
    public void close() {
        askedToEnd = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static EngineException failure(Process process, Deque<String> lines, String what) {
        List<String> last;
        synchronized (lines) {
            last = List.copyOf(lines);
        }
        String reason = last.stream().filter(line -> line.startsWith("parley: ")).reduce((a, b) -> b)
                .map(line -> ": " + line.substring("parley: ".length()))
                .orElse(process.isAlive() ? "" : " (exit code " + process.exitValue() + ")");
        return new EngineException(what + reason, last);
    }

    private static void keepLastLines(InputStream stderr, Deque<String> lines) {
        Thread.ofPlatform().daemon().name("parley-engine-stderr").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        if (lines.size() == KEPT_LINES) {
                            lines.removeFirst();
                        }
                        lines.addLast(line);
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
    }

    /** The base URL from the first line of standard output; the rest of the output is read and dropped. */
    private static CompletableFuture<String> readAddress(InputStream stdout, Deque<String> lines) {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("parley-engine-stdout").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
                String first = reader.readLine();
                if (first == null || !first.startsWith(Serve.LISTENING)) {
                    address.completeExceptionally(new IOException("unexpected first line: " + first));
                    return;
                }
                address.complete(first.substring(Serve.LISTENING.length()).strip());
                while (reader.readLine() != null) {
                    // nothing else is expected on standard output
                }
            } catch (IOException e) {
                address.completeExceptionally(e);
            }
        });
        return address;
    }

    private static void awaitHealth(URI baseUrl, Process process, Deque<String> lines, Duration limit)
            throws InterruptedException, ExecutionException {
        URI health = baseUrl.resolve("/health");
        long deadline = System.nanoTime() + limit.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                Thread.sleep(50);
            }
        }
        throw new ExecutionException("no answer from " + health, null);
    }
}
