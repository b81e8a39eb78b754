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
import parley.history.ConversationJson;
import parley.history.ConversationMarkdown;
import parley.history.ConversationStore;
import parley.history.ConversationSummary;
import parley.history.FileFormatException;
import parley.history.HistoryService;
import parley.history.SavedConversation;
import parley.history.SearchHit;
import parley.store.Database;
import parley.store.Settings;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley history list|search|show|export|import|delete}: the saved conversations, through the
 * same {@link HistoryService} as the window's history panel.
 */
final class HistoryCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HistoryCommand() {}

    /** The {@code history} command with its subcommands. */
    static CommandLine create(CliContext context) {
        CommandLine history = new CommandLine(new Group(context));
        history.addSubcommand(new ListConversations(context));
        history.addSubcommand(new Search(context));
        history.addSubcommand(new Show(context));
        history.addSubcommand(new Export(context));
        history.addSubcommand(new Import(context));
        history.addSubcommand(new Delete(context));
        return history;
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List, search, show, export, import or delete saved conversations.")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley history list', 'search TEXT', 'show ID', 'export ID FILE',"
                    + " 'export --all FILE', 'import FILE' or 'delete ID'.");
        }
    }

    /** A history subcommand: runs with the history of the data folder open. */
    abstract static class HistoryStep extends Subcommand {
        HistoryStep(CliContext context) { super(context); }

        @Override
        protected final int run() {
            try (Database db = DataHome.open(context.env(), context.err())) {
                InputLimits limits = InputLimits.load(new Settings(db));
                return run(HistoryService.withoutChat(new ConversationStore(db), limits::fileBytes));
            } catch (FileFormatException e) {
                throw new BadInput(e.getMessage());
            } catch (NoSuchFileException e) {
                throw new BadInput("No file " + e.getFile() + ": check the name.");
            } catch (IOException e) {
                throw new BadInput("Cannot use the file (" + Subcommand.oneLine(e) + "): check the name and that you"
                        + " may read or write there.");
            }
        }

        abstract int run(HistoryService history) throws IOException;

        void printJson(Object value) {
            try {
                context.out().println(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
            }
        }

        static SavedConversation stored(HistoryService history, String id) {
            return history.find(id).orElseThrow(() -> new BadInput("No conversation " + id
                    + " in the history: see 'parley history list' for the ids."));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the conversations, newest first.")
    static final class ListConversations extends HistoryStep {
        @Option(names = "--limit", paramLabel = "N", description = "Only the N most recently changed.")
        Integer limit;
        @Option(names = "--json", description = "Print a JSON array instead of a table.")
        boolean json;

        ListConversations(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) {
            if (limit != null && limit < 1) throw new BadInput("--limit must be 1 or more, not " + limit + ".");
            List<ConversationSummary> conversations = history.list(limit == null ? 0 : limit);
            if (json) {
                printJson(conversations.stream().map(HistoryCommand::summaryJson).toList());
            } else if (conversations.isEmpty()) {
                context.out().println("No conversations in the history.");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"id", "updated", "messages", "model", "title"});
                for (ConversationSummary c : conversations) {
                    rows.add(new String[] {c.id(), SHOWN_TIME.format(c.updatedAt().atZone(ZoneId.systemDefault())),
                            Integer.toString(c.messageCount()), c.model() == null ? "-" : c.model(), c.title()});
                }
                Table.print(rows, "LLRLL", context.out());
            }
            return OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Find messages holding every word of TEXT (a word also matches the start of a longer one), best first.")
    static final class Search extends HistoryStep {
        @Parameters(index = "0", paramLabel = "TEXT")
        String text;
        @Option(names = "--json", description = "Print a JSON array instead of lines.")
        boolean json;

        Search(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) {
            if (text.isBlank()) throw new BadInput("TEXT is empty: give a word to search for.");
            List<SearchHit> hits = history.search(text);
            if (json) {
                printJson(hits.stream().map(HistoryCommand::hitJson).toList());
            } else if (hits.isEmpty()) {
                context.out().println("No message matches '" + text.strip() + "'.");
            } else {
                for (SearchHit h : hits) {
                    context.out().println(h.rank() + ". " + h.conversationTitle() + " (" + h.conversationId() + ", "
                            + h.role() + "): " + snippet(h).replace('\n', ' '));
                }
            }
            return OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a conversation: as Markdown (the default) or in the JSON export format.")
    static final class Show extends HistoryStep {
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @ArgGroup(exclusive = true)
        Format format;

        static final class Format {
            @Option(names = "--json", description = "The JSON export format (as 'export' writes it).")
            boolean json;
            @Option(names = "--markdown", description = "Markdown (the default).")
            boolean markdown;
        }

        Show(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) {
            SavedConversation conversation = stored(history, id);
            boolean json = format != null && format.json;
            context.out().print(json ? ConversationJson.write(conversation) + "\n" : ConversationMarkdown.write(conversation));
            context.out().flush();
            return OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a conversation (ID FILE) or every one (--all FILE) in the JSON export format.")
    static final class Export extends HistoryStep {
        @Option(names = "--all", description = "Every conversation in one file.")
        boolean all;
        @Parameters(paramLabel = "ID FILE", arity = "1..2", description = "The conversation's id and the file, or the file with --all.")
        List<String> arguments;

        Export(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) throws IOException {
            if (all != (arguments.size() == 1)) {
                throw new BadInput("give 'parley history export ID FILE' or 'parley history export --all FILE'.");
            }
            Path file = Path.of(arguments.getLast());
            if (all) {
                int written = history.exportAll(file);
                context.out().println("Exported " + written + " conversation" + (written == 1 ? "" : "s") + " to " + file + ".");
            } else {
                stored(history, arguments.getFirst());
                history.exportJson(arguments.getFirst(), file);
                context.out().println("Exported " + arguments.getFirst() + " to " + file + ".");
            }
            return OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the conversations of an export (one or --all) to the history; one imported before is not added again.")
    static final class Import extends HistoryStep {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        Import(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) throws IOException {
            HistoryService.ImportReport report = history.importFile(file);
            context.out().println("Imported " + report.added().size() + " conversation" + (report.added().size() == 1 ? "" : "s")
                    + (report.alreadyStored().isEmpty() ? "" : "; " + report.alreadyStored().size()
                    + " already in the history") + ".");
            report.added().forEach(context.out()::println);
            return OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a conversation for good.")
    static final class Delete extends HistoryStep {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        Delete(CliContext context) { super(context); }

        @Override
        int run(HistoryService history) {
            stored(history, id);
            history.deleteForGood(id);
            context.out().println("Deleted " + id + ".");
            return OK;
        }
    }

    private static Map<String, Object> summaryJson(ConversationSummary c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("title", c.title());
        out.put("provider", c.provider());
        out.put("model", c.model());
        out.put("messages", c.messageCount());
        out.put("created_at", c.createdAt().toString());
        out.put("updated_at", c.updatedAt().toString());
        return out;
    }

    private static Map<String, Object> hitJson(SearchHit h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation_id", h.conversationId());
        out.put("message_id", h.messageId());
        out.put("title", h.conversationTitle());
        out.put("role", h.role());
        out.put("snippet", snippet(h));
        out.put("rank", h.rank());
        return out;
    }

    /** The matched words between {@code **}, as Markdown emphasis. */
    private static String snippet(SearchHit h) {
        return h.markedSnippet("**", "**");
    }
}
