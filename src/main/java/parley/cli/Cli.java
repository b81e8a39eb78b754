package parley.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import parley.about.BuildInfo;
import parley.log.AppLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The command line: {@code parley SUBCOMMAND …}. Returns the exit code: 0 ok, 1 failed, 2 bad input. */
public final class Cli {
    /** Every subcommand; to add one, add its constructor here. */
    static final List<Function<CliContext, Object>> SUBCOMMANDS = List.of(
            SendCommand::new,
            ModelsCommand::new,
            CodeCommand::new,
            UsageCommand::new,
            PriceCommand::create,
            McpCommand::create,
            ServeCommand::new,
            HistoryCommand::create,
            SweepCommand::new
    );

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, UsageHook usage) {
        CliContext context = new CliContext(out, err, env, usage);
        Root parley = new Root(context);
        CommandLine root = new CommandLine(parley);
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
            LOG.log(System.Logger.Level.ERROR, "the command failed", e);
            err.println("parley: " + Subcommand.oneLine(e));
            return Subcommand.FAILED;
        });
        root.setExecutionStrategy(parsed -> executeLogged(parsed, parley.verbose, err));
        return root.execute(args);
    }

    /** Runs the command, its log lines also on {@code err} with {@code --verbose}; the arguments are never logged (they may hold a key). */
    private static int executeLogged(ParseResult parsed, boolean verbose, PrintStream err) {
        try (AppLog.Echo echo = verbose ? AppLog.echoTo(err) : null) {
            String name = commandName(parsed);
            LOG.log(System.Logger.Level.INFO, "{0} started", name);
            int code = new CommandLine.RunLast().execute(parsed);
            LOG.log(System.Logger.Level.INFO, "{0} ended with exit code {1}", name, code);
            return code;
        }
    }

    private static String commandName(ParseResult parsed) {
        StringBuilder name = new StringBuilder(parsed.commandSpec().name());
        for (ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
            name.append(' ').append(sub.commandSpec().name());
        }
        return name.toString();
    }

    /** {@code parley --version}: {@code parley VERSION} on the first line, then the commit and its date, Java and the OS. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return BuildInfo.current().versionLines().toArray(String[]::new);
        }
    }

    @Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
            description = "A playground for OpenAI-compatible chat models. Without a subcommand, Parley opens its window.")
    static final class Root implements java.util.concurrent.Callable<Integer> {
        private final CliContext context;

        @Option(names = "--verbose", scope = ScopeType.INHERIT,
                description = "also print this run's log lines to standard error")
        boolean verbose;

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
