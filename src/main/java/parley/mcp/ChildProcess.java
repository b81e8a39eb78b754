package parley.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A stdio MCP server's process, which Parley owns: started with its own environment added to
 * Parley's, its standard error kept (the last {@value #KEPT_LINES} lines) and passed on line by line.
 *
 * <p>It is never left behind. A server cannot be told to watch Parley, so its standard input is
 * its lifeline: {@link #stop()} closes it (a well-behaved server ends on that), then ends the whole
 * process tree it started; a shutdown hook does the same when Parley exits. When Parley is killed
 * outright ({@code kill -9}) no hook runs: the operating system closes the pipe, and a server that
 * ignores the end of its input (and its children) may outlive Parley.
 */
final class ChildProcess {
    static final int KEPT_LINES = 40;
    private static final long GRACE_MILLIS = 2_000;
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::killTree), "mcp-children-end"));
    }

    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ChildProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command}; a program that cannot be run is an {@link McpException} saying which and why. */
    static ChildProcess start(List<String> command, Map<String, String> env, Consumer<String> onErrorLine) throws McpException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new McpException(notStarted(command.getFirst(), e), List.of());
        }
        ChildProcess child = new ChildProcess(process);
        RUNNING.add(child);
        process.onExit().thenRun(() -> RUNNING.remove(child));
        child.readErrors(onErrorLine);
        return child;
    }

    private static String notStarted(String program, IOException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        if (reason.contains("error=2") || reason.contains("No such file")) {
            return "The command \"" + program + "\" was not found: install it or give its full path.";
        }
        if (reason.contains("error=13") || reason.contains("Permission denied")) {
            return "The command \"" + program + "\" may not be run (permission denied): make it executable.";
        }
        return "The command \"" + program + "\" could not be started: " + reason;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    int exitCode() {
        return process.exitValue();
    }

    java.io.InputStream stdout() {
        return process.getInputStream();
    }

    /** Writes one line to the server's standard input. */
    void writeLine(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        synchronized (in) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    /** Keeps a line among the last ones, as if the server had written it to standard error. */
    void note(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) lastLines.removeFirst();
            lastLines.addLast(line);
        }
    }

    List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    /** Closes standard input, gives the server a moment to end, then ends what is left of its tree. */
    void stop() {
        List<ProcessHandle> tree = tree();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the server ended
        }
        try {
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.addAll(tree());
        end(tree);
    }

    /** Ends the process and every process below it, without waiting for a graceful end. */
    void killTree() {
        end(tree());
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        return tree;
    }

    private static void end(List<ProcessHandle> tree) {
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle p : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still running after the grace period: forced below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void readErrors(Consumer<String> onErrorLine) {
        Thread.ofPlatform().daemon().name("mcp-stderr-" + process.pid()).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    note(line);
                    onErrorLine.accept(line);
                }
            } catch (IOException e) {
                // the stream closed with the process
            }
        });
    }
}
