package parley.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Usage;
import parley.chat.ChatSettings;
import parley.chat.ExchangeRecord;
import parley.chat.Metrics;
import parley.chat.Outcome;
import parley.experiment.Cell;
import parley.experiment.CellResult;
import parley.experiment.Cells;
import parley.experiment.Experiment;
import parley.experiment.ExperimentCsv;
import parley.experiment.ExperimentEstimate;
import parley.experiment.ExperimentLedger;
import parley.experiment.ExperimentProblems;
import parley.experiment.ExperimentRun;
import parley.experiment.ExperimentRunner;
import parley.experiment.InputRow;
import parley.experiment.InputTable;
import parley.experiment.ParamAxes;
import parley.experiment.ParamAxis;
import parley.experiment.Prompt;
import parley.experiment.Target;
import parley.provider.ProviderClients;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.LedgerEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley sweep}: one prompt across models, parameter values, input rows and repeats, each cell
 * a request on the usage ledger (origin {@code experiment}); a table, {@code --json} or {@code --csv}
 * at the end. Exit 0 when every cell answered whole, 1 when any failed or was cut, 2 for bad input.
 */
@Command(name = "sweep", description = "Run one prompt across models, parameter values, inputs and repeats.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class SweepCommand extends Subcommand {
    @Mixin
    ConnectionOptions connection;

    @Option(names = "--model", paramLabel = "ID", description = "a model of the connection's provider; repeatable")
    List<String> models = new ArrayList<>();

    @Option(names = "--target", arity = "2", paramLabel = "PROVIDER MODEL", hideParamSyntax = true,
            description = "a model of another configured provider, e.g. --target deepseek deepseek-chat; repeatable")
    List<String> targets = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUES", description = "NAME=V1,V2,… or NAME=FROM:TO:STEP; "
            + "omit leaves the parameter out; one value sets it for every cell; repeatable (the first varies slowest)")
    List<String> params = new ArrayList<>();

    @Option(names = "--system", paramLabel = "TEXT", description = "a system prompt ({{variables}} allowed)")
    String system;

    @Option(names = "--message", paramLabel = "TEXT", description = "the user message ({{variables}} allowed)")
    String message;

    @Option(names = "--message-file", paramLabel = "FILE", description = "read the user message from a file (- for standard input)")
    String messageFile;

    @Option(names = "--vars", paramLabel = "FILE.csv", description = "input rows: the header names the variables, each row is one input")
    Path vars;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1", description = "runs of each cell (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Experiment.DEFAULT_CONCURRENCY,
            description = "requests in flight per provider at most (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--dry-run", description = "print the cells and the cost estimate; send nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print one JSON object at the end")
    boolean json;

    @Option(names = "--csv", description = "print one CSV row a cell at the end")
    boolean csv;

    @Option(names = "--name", paramLabel = "TEXT",
            description = "the name the run is saved under, to open in the window's Experiments (default: the message's start)")
    String name;

    @Option(names = "--no-save", description = "do not save the run in the data folder's experiments")
    boolean noSave;

    @Option(names = "--yes", description = "run more than " + Experiment.CONFIRM_ABOVE + " cells")
    boolean yes;

    public SweepCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() throws InterruptedException {
        checkOptions();
        SweepTargets models = SweepTargets.of(connection, this.models, targets, context.env());
        Experiment experiment = experiment(models.targets());
        ExperimentProblems problems = ExperimentProblems.of(experiment, models::problem);
        problems.warnings().forEach(w -> context.err().println("parley: warning: " + w));
        if (!problems.ok()) {
            throw new BadInput(String.join("\nparley: ", problems.errors()));
        }
        List<Cell> cells = Cells.of(experiment);
        SweepUsage usage = SweepUsage.of(experiment, cells, context.env(), context.err());
        ExperimentEstimate estimate = usage.estimate();
        if (dryRun) {
            return printDryRun(experiment, cells, estimate);
        }
        if (estimate.needsConfirmation() && !yes) {
            throw new BadInput(cells.size() + " cells is more than " + Experiment.CONFIRM_ABOVE
                    + ": pass --yes to run them all, or narrow the axes (--dry-run lists the cells and the cost).");
        }
        BudgetCheck budget = usage.budget();
        if (!budget.allowsSend()) {
            throw new BadInput(budget.message());
        }
        if (budget.verdict() != BudgetCheck.Verdict.OK) {
            context.err().println("parley: " + budget.message());
        }
        try (Admission team = admittedByTeam(estimate);
             ProviderClients clients = models.clients(connection, context.env());
             UsageHook.Held ledger = context.usage().hold()) {
            try (SavedRun saved = SavedRun.start(noSave, experiment, models.keyValues(), context)) {
                return runCells(experiment, cells, SweepTargets.backends(clients), saved);
            }
        }
    }

    /** The team budget's word on the sweep's worst case, held while it runs: refused under a hard stop. */
    private Admission admittedByTeam(ExperimentEstimate estimate) {
        Admission team = context.usage().admitTeam(estimate.worst());
        BudgetCheck check = team.check();
        if (!check.allowsSend()) {
            team.close();
            throw new BadInput(check.message());
        }
        if (check.verdict() != BudgetCheck.Verdict.OK) context.err().println("parley: " + check.message());
        return team;
    }

    private void checkOptions() {
        if (json && csv) throw new BadInput("Give --json or --csv, not both.");
        if (repeat < 1) throw new BadInput("--repeat must be at least 1 (was " + repeat + ").");
        if (concurrency < 1) throw new BadInput("--concurrency must be at least 1 (was " + concurrency + ").");
    }

    private Experiment experiment(List<Target> models) {
        RequestOptions base = new RequestOptions();
        base.system = system;
        base.message = message;
        base.messageFile = messageFile;
        base.stream = true;
        base.includeUsage = true;
        String text = base.message();
        ChatSettings settings = base.settings(connection.profile(), models.getFirst().model());
        List<ParamAxis> axes = new ArrayList<>();
        for (String spec : params) {
            try {
                axes.add(ParamAxes.parse(spec));
            } catch (IllegalArgumentException e) {
                throw new BadInput("--param " + e.getMessage());
            }
        }
        return new Experiment(UUID.randomUUID().toString(), runName(text), new Prompt(null, List.of(), text), settings,
                models, axes, inputs(), repeat, concurrency, List.of(), Instant.now());
    }

    private String runName(String text) {
        if (name != null && !name.isBlank()) return name.strip();
        String start = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return start.isEmpty() ? "sweep" : start.length() <= 60 ? start : start.substring(0, 59) + "…";
    }

    private List<InputRow> inputs() {
        if (vars == null) return List.of();
        try {
            return InputTable.parse(Files.readString(vars, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInput("Cannot read --vars " + vars + " (" + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e.getMessage()) + "): give a readable UTF-8 CSV file.");
        } catch (IllegalArgumentException e) {
            throw new BadInput("--vars " + vars + ": " + e.getMessage());
        }
    }

    private int printDryRun(Experiment experiment, List<Cell> cells, ExperimentEstimate estimate) {
        if (json) {
            context.out().println(SweepReport.dryRunJson(cells, estimate));
        } else if (csv) {
            context.out().print(csv(experiment, cells, List.of()));
        } else {
            SweepReport.table(experiment, cells, null, context.out());
            context.out().println(SweepReport.estimateLine(estimate));
        }
        context.out().flush();
        return OK;
    }

    private int runCells(Experiment experiment, List<Cell> cells, java.util.function.Function<Target, parley.api.ChatBackend> backends,
                         SavedRun saved) throws InterruptedException {
        SweepProgress progress = json || csv ? null : new SweepProgress(context.err());
        long start = System.nanoTime();
        ExperimentRun run = new ExperimentRunner(backends, ledger())
                .start(experiment, cells, progress == null ? saved::accept : saved.andThen(progress::accept));
        run.await();
        long duration = (System.nanoTime() - start) / 1_000_000;
        if (progress != null) progress.end();
        List<CellResult> results = run.results();
        if (json) {
            context.out().println(SweepReport.json(cells, results, duration));
        } else if (csv) {
            context.out().print(csv(experiment, cells, results));
        } else {
            SweepReport.table(experiment, cells, results, context.out());
            context.out().println(SweepReport.summary(cells, results, duration));
        }
        context.out().flush();
        boolean allWhole = results.size() == cells.size() && results.stream().allMatch(CellResult::whole);
        return allWhole ? OK : FAILED;
    }

    private static String csv(Experiment experiment, List<Cell> cells, List<CellResult> results) {
        StringWriter out = new StringWriter();
        ExperimentCsv.write(experiment, cells, results, out);
        return out.toString();
    }

    /** Each cell goes to the usage ledger through the command line's hook, with origin experiment. */
    private ExperimentLedger ledger() {
        UsageHook hook = context.usage();
        return (target, request, result) -> hook.recorded(record(target, request, result), LedgerEntry.EXPERIMENT);
    }

    private static ExchangeRecord record(Target target, ChatRequest request, ChatResult result) {
        Outcome outcome = result.stopped() ? Outcome.STOPPED : result.error() != null ? Outcome.FAILED
                : result.truncated() ? Outcome.TRUNCATED : Outcome.COMPLETED;
        Usage usage = result.usage() == null ? Usage.NONE : result.usage();
        Metrics metrics = new Metrics(result.ttftMillis() < 0 ? null : result.ttftMillis(), result.durationMillis(),
                usage.completionTokens(), null, usage.completionTokens() == null);
        return new ExchangeRecord(null, null, target.provider(), target.baseUrl(), request.model(), request, result,
                usage, result.finishReason(), outcome, result.error(), metrics, Instant.now());
    }
}
