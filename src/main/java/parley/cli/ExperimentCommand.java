package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.app.InputLimits;
import parley.experiment.ExperimentHit;
import parley.experiment.ExperimentService;
import parley.experiment.ExperimentStore;
import parley.experiment.ExperimentSummary;
import parley.experiment.ExportFormat;
import parley.experiment.SavedExperiment;
import parley.history.FileFormatException;
import parley.store.Database;
import parley.store.Settings;
import parley.usage.Money;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley experiment list|search|export|import|delete}: the saved experiments (the window's and
 * {@code parley sweep}'s runs), through the same {@link ExperimentService} as the Experiments view.
 */
final class ExperimentCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ExperimentCommand() {}

    static CommandLine create(CliContext context) {
        CommandLine experiment = new CommandLine(new Group(context));
        experiment.addSubcommand(new ListExperiments(context));
        experiment.addSubcommand(new Search(context));
        experiment.addSubcommand(new Export(context));
        experiment.addSubcommand(new Import(context));
        experiment.addSubcommand(new Delete(context));
        return experiment;
    }

    @Command(name = "experiment", mixinStandardHelpOptions = true,
            description = "List, search, export, import or delete saved experiments (the window's and parley sweep's runs).")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley experiment list', 'search TEXT', 'export ID FILE',"
                    + " 'import FILE' or 'delete ID'.");
        }
    }

    /** An experiment subcommand: runs with the data folder's experiments open. */
    abstract static class Step extends Subcommand {
        Step(CliContext context) { super(context); }

        @Override
        protected final int run() {
            try (Database db = DataHome.open(context.env(), context.err())) {
                InputLimits limits = InputLimits.load(new Settings(db));
                return run(new ExperimentService(new ExperimentStore(db), limits::fileBytes));
            } catch (FileFormatException e) {
                throw new BadInput(e.getMessage());
            } catch (NoSuchFileException e) {
                throw new BadInput("No file " + e.getFile() + ": check the name.");
            } catch (IOException e) {
                throw new BadInput("Cannot use the file (" + Subcommand.oneLine(e) + "): check the name and that you"
                        + " may read or write there.");
            }
        }

        abstract int run(ExperimentService experiments) throws IOException;

        void printJson(Object value) {
            try {
                context.out().println(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        }

        static SavedExperiment stored(ExperimentService experiments, String id) {
            return experiments.load(id).orElseThrow(() -> new BadInput("No experiment " + id
                    + " is saved: see 'parley experiment list' for the ids."));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved experiments, newest first.")
    static final class ListExperiments extends Step {
        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        ListExperiments(CliContext context) { super(context); }

        @Override
        int run(ExperimentService experiments) {
            List<ExperimentSummary> saved = experiments.list();
            if (json) {
                printJson(saved.stream().map(ExperimentCommand::summaryJson).toList());
            } else if (saved.isEmpty()) {
                context.out().println("No experiment is saved.");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"id", "created", "cells", "done", "failed", "cost", "name"});
                for (ExperimentSummary s : saved) {
                    rows.add(new String[] {s.id(), SHOWN_TIME.format(s.createdAt().atZone(ZoneId.systemDefault())),
                            Integer.toString(s.cellCount()), Integer.toString(s.done()), Integer.toString(s.failed()),
                            (s.costUsd() == null ? "-" : Money.format(s.costUsd())) + (s.costUnknownCells() > 0 ? " + unknown" : ""), s.name()});
                }
                Table.print(rows, "LLRRRRL", context.out());
            }
            return OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Find experiments whose name, prompt or replies hold every word of TEXT, best first.")
    static final class Search extends Step {
        @Parameters(index = "0", paramLabel = "TEXT")
        String text;
        @Option(names = "--json", description = "Print a JSON array instead of lines.")
        boolean json;

        Search(CliContext context) { super(context); }

        @Override
        int run(ExperimentService experiments) {
            if (text.isBlank()) throw new BadInput("Give a word to search for.");
            List<ExperimentHit> hits = experiments.search(text, 50);
            if (json) {
                printJson(hits.stream().map(ExperimentCommand::hitJson).toList());
            } else if (hits.isEmpty()) {
                context.out().println("No experiment matches \"" + text + "\".");
            } else {
                for (ExperimentHit h : hits) {
                    context.out().println(h.experimentId() + "  " + h.name()
                            + (h.cell() == null ? "" : "  (cell " + (h.cell() + 1) + ")") + "\n    " + h.plainSnippet());
                }
            }
            return OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a saved experiment to FILE: JSON (everything, importable), CSV (one row a cell),"
                    + " Markdown or a standalone HTML report, as --format or the file's extension says.")
    static final class Export extends Step {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1", paramLabel = "FILE")
        Path file;
        @Option(names = "--format", paramLabel = "FORMAT", description = "json, csv, markdown or html (default: from FILE's extension)")
        String format;

        Export(CliContext context) { super(context); }

        @Override
        int run(ExperimentService experiments) throws IOException {
            stored(experiments, id);
            ExportFormat chosen = format(file);
            experiments.export(id, chosen, file);
            context.out().println("Exported " + id + " to " + file + " (" + chosen.name().toLowerCase(java.util.Locale.ROOT) + ").");
            return OK;
        }

        private ExportFormat format(Path target) {
            if (format == null) {
                return ExportFormat.forFile(target.getFileName().toString()).orElseThrow(() -> new BadInput(
                        "Cannot tell the format from " + target.getFileName() + ": name the file .json, .csv, .md or"
                                + " .html, or pass --format."));
            }
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> ExportFormat.JSON;
                case "csv" -> ExportFormat.CSV;
                case "markdown", "md" -> ExportFormat.MARKDOWN;
                case "html" -> ExportFormat.HTML;
                default -> throw new BadInput("--format " + format + " is not one of json, csv, markdown, html.");
            };
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the experiment of a JSON export; one imported before is not added again.")
    static final class Import extends Step {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        Import(CliContext context) { super(context); }

        @Override
        int run(ExperimentService experiments) throws IOException {
            ExperimentService.ImportReport report = experiments.importFile(file);
            context.out().println((report.added() ? "Imported " : "Already saved: ") + report.experimentId()
                    + " (\"" + report.name() + "\").");
            return OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved experiment and its cells for good.")
    static final class Delete extends Step {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        Delete(CliContext context) { super(context); }

        @Override
        int run(ExperimentService experiments) {
            stored(experiments, id);
            experiments.delete(id);
            context.out().println("Deleted " + id + ".");
            return OK;
        }
    }

    private static Map<String, Object> summaryJson(ExperimentSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("created_at", s.createdAt().toString());
        out.put("cells", s.cellCount());
        out.put("done", s.done());
        out.put("failed", s.failed());
        out.put("cost_usd", s.costUsd());
        out.put("cost_unknown_cells", s.costUnknownCells());
        return out;
    }

    private static Map<String, Object> hitJson(ExperimentHit h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment_id", h.experimentId());
        out.put("name", h.name());
        out.put("cell", h.cell());
        out.put("snippet", h.plainSnippet());
        return out;
    }
}
