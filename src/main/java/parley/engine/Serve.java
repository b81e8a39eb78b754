package parley.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code parley serve}: checks the file, binds the port, loads the model, prints
 * {@code listening on http://HOST:PORT/v1} as the first line of standard output, and answers until it
 * is stopped (a signal, its parent ending or closing standard input, or the idle timeout).
 */
public final class Serve {
    /** The first line on standard output starts so; a parent reads the base URL after it. */
    public static final String LISTENING = "listening on ";

    private final ServeOptions options;
    private final PrintStream out;
    private final PrintStream log;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Serve(ServeOptions options, PrintStream out, PrintStream log) {
        this.options = options;
        this.out = out;
        this.log = log;
    }

    /** Runs until stopped; {@link ServeException} when it cannot start. */
    public void run(InputStream stdin) throws ServeException, InterruptedException {
        InetAddress address = address();
        ModelFacts facts = facts();
        int context = options.contextFor(facts.contextLength());
        if (facts.contextLength() != null && context > facts.contextLength()) {
            throw new ServeException("--ctx " + context + " is larger than the model's context of "
                    + facts.contextLength() + " tokens: give at most " + facts.contextLength() + ".", true);
        }
        EngineServer server = bind(address, facts);
        LocalModel model = load(facts, context);
        server.start(model, context);
        out.println(LISTENING + server.baseUri(options.host()));
        out.flush();
        log.printf("serving %s (%s, %s, context %d)%n", alias(facts), facts.architecture(),
                facts.quantization() == null ? "unknown quantization" : facts.quantization(), context);
        watchParent(stdin);
        watchIdle(server);
        stopped.await();
        server.stop();
    }

    private InetAddress address() throws ServeException {
        InetAddress address;
        try {
            address = InetAddress.getByName(options.host());
        } catch (UnknownHostException e) {
            throw new ServeException("--host " + options.host() + " is not an address of this computer: give 127.0.0.1, "
                    + "or an address of one of its network interfaces.", true);
        }
        if (!address.isLoopbackAddress() && options.apiKey() == null) {
            throw new ServeException("--host " + options.host() + " lets other computers in: name the environment variable "
                    + "that holds the key they must send with --api-key-env NAME.", true);
        }
        return address;
    }

    private ModelFacts facts() throws ServeException {
        if (!java.nio.file.Files.isRegularFile(options.model())) {
            throw new ServeException("--model " + options.model() + ": no such file. Give the path of a .gguf model file.", true);
        }
        ModelFacts facts;
        try {
            facts = ModelFacts.read(options.model());
        } catch (GgufException e) {
            throw new ServeException(e.getMessage(), true);
        }
        if (!facts.loadable()) {
            String arch = facts.architecture() == null ? "(none named)" : facts.architecture();
            throw new ServeException(EngineBuild.unknownArchitecture(options.model().getFileName().toString(), arch), true);
        }
        return facts;
    }

    private EngineServer bind(InetAddress address, ModelFacts facts) throws ServeException {
        try {
            return EngineServer.bind(new InetSocketAddress(address, options.port()), facts, alias(facts), options.apiKey(), log);
        } catch (BindException e) {
            throw new ServeException("port " + options.port() + " on " + options.host() + " is in use: choose another with "
                    + "--port N, or --port 0 for a free one.", true);
        } catch (IOException e) {
            throw new ServeException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), false);
        }
    }

    private LocalModel load(ModelFacts facts, int context) throws ServeException {
        try {
            return LlamaModelRunner.load(facts, context, options.threads(), log, options.verbose());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ServeException("llama.cpp " + EngineBuild.LLAMA_CPP + " could not load " + facts.file().getFileName()
                    + ": " + reason + (e instanceof UnsatisfiedLinkError ? " (is libgomp1 installed?)" : ""), false);
        }
    }

    private String alias(ModelFacts facts) {
        return options.alias() != null ? options.alias() : facts.alias();
    }

    /** With a parent: its end, or the end of standard input, stops the server. */
    private void watchParent(InputStream stdin) {
        if (options.parentPid() == null) {
            return;
        }
        ProcessHandle.of(options.parentPid()).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop("the parent process ended")),
                () -> stop("the parent process is gone"));
        Thread.ofPlatform().daemon().name("parley-stdin-watch").start(() -> {
            try {
                while (stdin.read() >= 0) {
                    // whatever the parent writes is ignored; only the end matters
                }
            } catch (IOException e) {
                // a broken pipe is an end too
            }
            stop("standard input closed");
        });
    }

    private void watchIdle(EngineServer server) {
        Duration idle = options.idleTimeout();
        if (idle == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("parley-idle-watch").start(() -> {
            try {
                while (!stopped.await(Math.min(idle.toMillis(), 1000), TimeUnit.MILLISECONDS)) {
                    if (server.idle() && System.nanoTime() - server.lastActivity() >= idle.toNanos()) {
                        stop("idle for " + idle.toSeconds() + " s");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void stop(String reason) {
        if (stopped.getCount() > 0) {
            log.println("stopping: " + reason);
            log.flush();
            stopped.countDown();
        }
    }
}
