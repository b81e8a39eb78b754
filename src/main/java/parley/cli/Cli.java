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
    /** Every subcommand by its name, in the order of the help; to add one, add its name and constructor here. */
    static final List<Named> SUBCOMMANDS = List.of(
            new Named("send", SendCommand::new),
            new Named("models", ModelsCommand::new),
            new Named("code", CodeCommand::new),
            new Named("usage", UsageCommand::new),
            new Named("price", PriceCommand::create),
            new Named("mcp", McpCommand::create),
            new Named("serve", ServeCommand::new),
            new Named("history", HistoryCommand::create),
            new Named("sweep", SweepCommand::new),
            new Named("experiment", ExperimentCommand::create),
            new Named("team", TeamCommand::create)
    );

    /** A subcommand's name (as its {@code @Command} gives it) and how it is made. */
    record Named(String name, Function<CliContext, Object> create) {}

    private static final System.Logger LOG = System.getLogger(Cli.class.getName());

    private Cli() {}

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, UsageHook usage) {
        CliContext context = new CliContext(out, err, env, usage);
        Root parley = new Root(context);
        CommandLine root = new CommandLine(parley);
        for (Named subcommand : needed(args)) {
            root.addSubcommand(subcommand.create().apply(context));
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

    /**
     * The subcommands this run needs: only the one named, when the first argument that is not a
     * root option names one (building a command reads its options' annotations, which takes time);
     * every one otherwise, for the root's help and its messages about an unknown subcommand.
     * The root's options take no values, so the first argument that does not start with '-' is
     * the subcommand's name.
     */
    static List<Named> needed(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-")) continue;
            return SUBCOMMANDS.stream().filter(s -> s.name().equals(arg)).findFirst().map(List::of).orElse(SUBCOMMANDS);
        }
        return SUBCOMMANDS;
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
