package parley.cli;

import java.nio.file.Path;
import java.time.Duration;
import parley.engine.Serve;
import parley.engine.ServeException;
import parley.engine.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley serve}: the built-in engine as an OpenAI-compatible server over one GGUF file. */
@Command(name = "serve", description = "Serve a GGUF model file over an OpenAI-compatible API on this computer.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class ServeCommand extends Subcommand {
    @Option(names = "--model", paramLabel = "FILE.gguf", required = true, description = "the model file")
    Path model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "the port; 0 (default) takes a free one")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "the address to listen on (default 127.0.0.1); any other needs --api-key-env")
    String host;

    @Option(names = "--ctx", paramLabel = "N", defaultValue = "0",
            description = "the context in tokens (default: the model's, at most " + ServeOptions.DEFAULT_CONTEXT + ")")
    int contextSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "threads to generate with (default: llama.cpp's choice)")
    int threads;

    @Option(names = "--alias", paramLabel = "NAME", description = "the model's id in the API (default: the file's name without .gguf)")
    String alias;

    @Option(names = "--api-key-env", paramLabel = "NAME", description = "clients must send the key held in this environment variable")
    String apiKeyEnv;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "end after this long without a request (default: never)")
    Integer idleSeconds;

    @Option(names = "--parent", paramLabel = "PID", hidden = true, description = "end with this process or when standard input closes")
    Long parentPid;

    @Option(names = "--llama-log", description = "also llama.cpp's own progress lines on standard error")
    boolean llamaLog;

    public ServeCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() throws InterruptedException {
        try {
            new Serve(options(), context.out(), context.err()).run(System.in);
            return OK;
        } catch (ServeException e) {
            context.err().println("parley: " + e.getMessage());
            return e.badInput() ? BAD_INPUT : FAILED;
        }
    }

    private ServeOptions options() {
        if (port < 0 || port > 65535) {
            throw new BadInput("--port must be between 0 and 65535 (was " + port + ").");
        }
        if (contextSize < 0 || threads < 0) {
            throw new BadInput((contextSize < 0 ? "--ctx" : "--threads") + " must be at least 1, or 0 for the default.");
        }
        if (idleSeconds != null && idleSeconds < 1) {
            throw new BadInput("--idle-timeout must be at least 1 second (was " + idleSeconds + ").");
        }
        if (alias != null && alias.isBlank()) {
            throw new BadInput("--alias is empty: give a name, or leave it out for the file's name.");
        }
        return new ServeOptions(model, host, port, contextSize, threads, alias, apiKey(),
                idleSeconds == null ? null : Duration.ofSeconds(idleSeconds), parentPid, llamaLog);
    }

    private String apiKey() {
        if (apiKeyEnv == null) {
            return null;
        }
        String key = context.env().get(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new BadInput("The environment variable " + apiKeyEnv + " (from --api-key-env) is not set: export it, or name another one.");
        }
        return key.strip();
    }
}
