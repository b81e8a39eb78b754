package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parley.app.InputLimits;
import parley.prompt.PromptDraft;
import parley.prompt.PromptLibrary;
import parley.prompt.PromptParams;
import parley.team.PromptLibraries;
import parley.prompt.PromptVersion;
import parley.team.TeamOffline;
import parley.store.Database;
import parley.store.SessionSecrets;
import parley.store.Settings;
import parley.team.TeamService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley prompt list|show|save|history|diff|share}: the personal prompt library in the data
 * folder, or with {@code --team} the team's in the connected workspace.
 */
final class PromptCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PromptCommand() {}

    static CommandLine create(CliContext context) {
        CommandLine prompt = new CommandLine(new Group(context));
        prompt.addSubcommand(new ListPrompts(context));
        prompt.addSubcommand(new Show(context));
        prompt.addSubcommand(new Save(context));
        prompt.addSubcommand(new History(context));
        prompt.addSubcommand(new Diff(context));
        prompt.addSubcommand(new Share(context));
        return prompt;
    }

    @Command(name = "prompt", mixinStandardHelpOptions = true,
            description = "The prompt library: list, show, save, history, diff, or share a personal prompt to the team.")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley prompt list', 'show NAME', 'save NAME --file F', 'history NAME',"
                    + " 'diff NAME V1 V2' or 'share NAME'.");
        }
    }

    /** A prompt subcommand: runs with the data folder's libraries open; the team's only when asked for. */
    abstract static class PromptStep extends Subcommand {
        PromptStep(CliContext context) { super(context); }

        /** True when the command reaches the team's library. */
        abstract boolean usesTeam();

        abstract int run(PromptLibraries prompts, InputLimits limits) throws IOException;

        @Override
        protected final int run() {
            try (Database db = DataHome.open(context.env(), context.err());
                 TeamService team = usesTeam() ? TeamLink.service(db, context.env())
                         : new TeamService(db, new SessionSecrets("unused"), context.env(), Clock.systemDefaultZone())) {
                return run(new PromptLibraries(db, team, Clock.systemDefaultZone()), InputLimits.load(new Settings(db)));
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            } catch (TeamOffline e) {
                context.err().println("parley: " + e.getMessage());
                return FAILED;
            } catch (IOException e) {
                throw new BadInput("Cannot read the file (" + Subcommand.oneLine(e) + "): check the name and that you may read it.");
            }
        }

        void printJson(Object value) {
            try {
                context.out().println(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        }

        static String where(boolean team) {
            return team ? "the team's library" : "your library";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the prompts: the newest version of each.")
    static final class ListPrompts extends PromptStep {
        @Option(names = "--team", description = "The team's library instead of yours.")
        boolean team;
        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        ListPrompts(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return team; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) {
            List<PromptVersion> newest = prompts.library(team).call(PromptLibrary::list);
            if (json) {
                printJson(newest.stream().map(PromptCommand::versionJson).toList());
            } else if (newest.isEmpty()) {
                context.out().println("No prompts in " + where(team) + ".");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"name", "version", "saved", "by", "model", "note"});
                for (PromptVersion v : newest) rows.add(new String[] {v.name(), Integer.toString(v.version()), shown(v),
                        dash(v.author().member()), dash(v.model()), dash(v.note())});
                Table.print(rows, "LRLLLL", context.out());
            }
            return OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a prompt: its newest version or --version N.")
    static final class Show extends PromptStep {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--version", paramLabel = "N", description = "This version instead of the newest.")
        Integer version;
        @Option(names = "--team", description = "From the team's library.")
        boolean team;
        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        Show(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return team; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) {
            if (version != null && version < 1) throw new BadInput("--version must be 1 or more, not " + version + ".");
            PromptVersion v = prompts.library(team).call(l -> version == null
                    ? l.show(name).orElseThrow(() -> missing(name, team)) : l.existing(name, version));
            if (json) {
                printJson(versionJson(v));
                return OK;
            }
            context.out().println(v.name() + " v" + v.version() + " (" + shown(v) + byLine(v) + ")");
            if (v.note() != null) context.out().println("note: " + v.note());
            if (v.model() != null) context.out().println("model: " + v.model());
            if (!v.params().isEmpty()) context.out().println("params: " + PromptParams.json(v.params()));
            if (!v.variables().isEmpty()) context.out().println("variables: " + String.join(", ", v.variables()));
            if (v.system() != null) context.out().println("--- system\n" + v.system());
            context.out().println("--- text\n" + v.text());
            return OK;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Save a new version of a prompt (nothing is added when it holds what the newest already holds).")
    static final class Save extends PromptStep {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--file", paramLabel = "F", required = true, description = "The text ({{variables}} allowed), UTF-8.")
        Path file;
        @Option(names = "--system-file", paramLabel = "F", description = "The system text, UTF-8.")
        Path systemFile;
        @Option(names = "--model", paramLabel = "ID", description = "The model the prompt is meant for.")
        String model;
        @Option(names = "--param", paramLabel = "NAME=V", description = "A request parameter by its API name, e.g. "
                + "temperature=0.2; repeatable")
        List<String> params = new ArrayList<>();
        @Option(names = "--note", paramLabel = "TEXT", description = "What changed in this version.")
        String note;
        @Option(names = "--team", description = "Into the team's library.")
        boolean team;

        Save(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return team; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) throws IOException {
            Map<String, Object> parsed;
            try {
                parsed = PromptParams.fromSpecs(params);
            } catch (IllegalArgumentException e) {
                throw new BadInput("--param " + e.getMessage());
            }
            PromptDraft draft = new PromptDraft(systemFile == null ? null : read(systemFile, "--system-file", limits),
                    read(file, "--file", limits), model, parsed, note);
            PromptLibrary.Saved saved = prompts.library(team).call(l -> l.save(name, draft));
            PromptVersion v = saved.version();
            context.out().println(saved.created() ? "Saved " + v.name() + " v" + v.version() + " in " + where(team) + "."
                    : v.name() + " v" + v.version() + " already holds this prompt: nothing saved.");
            return OK;
        }

        private static String read(Path path, String option, InputLimits limits) throws IOException {
            try {
                if (Files.size(path) > limits.fileBytes()) {
                    throw new BadInput(option + " " + path + " is larger than " + limits.fileBytes() + " bytes: give a smaller file.");
                }
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new BadInput(option + " " + path + ": no such file; check the name.");
            } catch (CharacterCodingException e) {
                throw new BadInput(option + " " + path + " is not UTF-8 text: save it as UTF-8.");
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of a prompt: who saved it, when, and the note.")
    static final class History extends PromptStep {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--team", description = "From the team's library.")
        boolean team;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        History(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return team; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) {
            List<PromptVersion> versions = prompts.library(team).call(l -> l.history(name));
            if (versions.isEmpty()) throw missing(name, team);
            if (json) {
                printJson(versions.stream().map(PromptCommand::versionJson).toList());
                return OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"version", "saved", "by", "computer", "model", "note"});
            for (PromptVersion v : versions) rows.add(new String[] {Integer.toString(v.version()), shown(v),
                    dash(v.author().member()), dash(v.author().computer()), dash(v.model()), dash(v.note())});
            Table.print(rows, "RLLLLL", context.out());
            return OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changed between two versions: the lines of the system text and the text, the model, the parameters.")
    static final class Diff extends PromptStep {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "V1")
        int from;
        @Parameters(index = "2", paramLabel = "V2")
        int to;
        @Option(names = "--team", description = "In the team's library.")
        boolean team;

        Diff(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return team; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) {
            context.out().print(prompts.library(team).call(l -> l.diff(name, from, to)).format());
            context.out().flush();
            return OK;
        }
    }

    @Command(name = "share", mixinStandardHelpOptions = true,
            description = "Copy a personal prompt with its whole history to the team's library.")
    static final class Share extends PromptStep {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        Share(CliContext context) { super(context); }

        @Override
        boolean usesTeam() { return true; }

        @Override
        int run(PromptLibraries prompts, InputLimits limits) {
            List<PromptVersion> added = prompts.share(name);
            context.out().println(added.isEmpty() ? "The team's library has every version of " + name.strip() + " already."
                    : "Shared " + added.getFirst().name() + " to the team: " + (added.size() == 1 ? "v" + added.getFirst().version()
                    : "v" + added.getFirst().version() + " to v" + added.getLast().version()) + ".");
            return OK;
        }
    }

    private static BadInput missing(String name, boolean team) {
        return new BadInput("There is no prompt named " + name.strip() + " in " + PromptStep.where(team)
                + ": see 'parley prompt list" + (team ? " --team" : "") + "'.");
    }

    private static String shown(PromptVersion v) {
        return SHOWN_TIME.format(v.savedAt().atZone(ZoneId.systemDefault()));
    }

    private static String byLine(PromptVersion v) {
        return v.author().member().isEmpty() ? "" : ", by " + v.author().member() + " on " + v.author().computer();
    }

    private static String dash(String text) {
        return text == null || text.isEmpty() ? "-" : text.replace('\n', ' ');
    }

    private static Map<String, Object> versionJson(PromptVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.name());
        out.put("version", v.version());
        out.put("system", v.system());
        out.put("text", v.text());
        out.put("model", v.model());
        out.put("params", v.params());
        out.put("variables", List.copyOf(v.variables()));
        out.put("note", v.note());
        out.put("member", v.author().member().isEmpty() ? null : v.author().member());
        out.put("computer", v.author().computer().isEmpty() ? null : v.author().computer());
        out.put("saved_at", v.savedAt().toString());
        return out;
    }
}
