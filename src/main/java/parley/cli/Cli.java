package parley.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code parley SUBCOMMAND …}. Returns the exit code: 0 ok, 1 failed, 2 bad input. */
public final class Cli {
    /** Every subcommand; to add one, add its constructor here. */
    static final List<Function<CliContext, Object>> SUBCOMMANDS = List.of(
            SendCommand::new,
            ModelsCommand::new,
            CodeCommand::new,
            UsageCommand::new,
            PriceCommand::create,
            ServeCommand::new
    );

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, UsageHook usage) {
        CliContext context = new CliContext(out, err, env, usage);
        CommandLine root = new CommandLine(new Root(context));
        for (Function<CliContext, Object> subcommand : SUBCOMMANDS) {
            root.addSubcommand(subcommand.apply(context));
        }
        root.setOut(new java.io.PrintWriter(out, true));
        root.setErr(new java.io.PrintWriter(err, true));
        root.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("parley: " + Subcommand.oneLine(e) + " (see: parley "
                    + (command.equals("parley") ? "" : command + " ") + "--help)");
            return Subcommand.BAD_INPUT;
        });
        root.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("parley: " + Subcommand.oneLine(e));
            return Subcommand.FAILED;
        });
        return root.execute(args);
    }

    @Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
            description = "A playground for OpenAI-compatible chat models. Without a subcommand, Parley opens its window.")
    static final class Root implements java.util.concurrent.Callable<Integer> {
        private final CliContext context;

        Root(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.err().println("parley: name a subcommand, e.g. 'parley send --message Hello' (see: parley --help)");
            return Subcommand.BAD_INPUT;
        }
    }
}
