package parley.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parley.api.ApiError;
import parley.api.ChatMessage;
import parley.api.ChatRequest;
import parley.api.ChatResult;
import parley.api.Choice;
import parley.api.StreamEvent;
import parley.api.ToolCall;
import parley.chat.BackendFactory;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Outcome;
import parley.chat.ProviderBackends;
import parley.chat.Reply;
import parley.log.ExchangeLog;
import parley.mcp.McpException;
import parley.mcp.McpService;
import parley.mcp.ServerStore;
import parley.store.Database;
import parley.store.SecretStore;
import parley.provider.ApiKey;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import parley.usage.Admission;
import parley.usage.BudgetCheck;
import parley.usage.LedgerEntry;
import parley.usage.RequestOrigin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley send}: one message (or a whole conversation from {@code --messages-file}), the reply
 * streamed to stdout (reasoning to stderr) or one JSON object.
 */
@Command(name = "send", description = "Send one message and print the reply as it arrives.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class SendCommand extends Subcommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    RequestOptions request;

    @Option(names = "--messages-file", paramLabel = "FILE.json",
            description = "the conversation as the API's messages array (tool calls and tool results included); "
                    + "--message, when given, is added as the last user message")
    String messagesFile;

    @Option(names = "--json", description = "print one JSON object at the end instead of the text")
    boolean json;

    @Option(names = "--mcp", paramLabel = "NAME",
            description = "offer the tools of this MCP server (see 'parley mcp list') beside those of --tools; repeatable")
    List<String> mcp = new ArrayList<>();

    @Option(names = "--allow-tools", description = "run the model's calls of --mcp tools and send the results back"
            + " until it answers; without it, a call is printed and not run")
    boolean allowTools;

    @Option(names = "--max-tool-rounds", paramLabel = "N", defaultValue = "10",
            description = "with --allow-tools: how many times tool results are sent back at most (default: ${DEFAULT-VALUE})")
    int maxToolRounds;

    private boolean reasoningOpen;
    private McpToolRunner tools;
    private BigDecimal earlierCost;
    private Long toolMillis;

    public SendCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() throws InterruptedException {
        checkToolOptions();
        if (mcp.isEmpty()) {
            return send();
        }
        try (Database db = DataHome.open(context.env(), context.err());
             McpService service = new McpService(new ServerStore(db, SecretStore::open))) {
            tools = McpToolRunner.of(service, mcp);
            return send();
        } catch (McpException e) {
            context.err().println("parley: " + e.getMessage());
            if (!e.lastLines().isEmpty()) {
                context.err().println("Its last lines:");
                e.lastLines().forEach(line -> context.err().println("  " + line));
            }
            return FAILED;
        }
    }

    private void checkToolOptions() {
        if (allowTools && mcp.isEmpty()) {
            throw new BadInput("--allow-tools runs the tools of MCP servers: name one with --mcp NAME (see 'parley mcp list').");
        }
        if (allowTools && messagesFile != null) {
            throw new BadInput("--allow-tools works on a conversation that starts with --message: leave out --messages-file.");
        }
        if (maxToolRounds < 1) {
            throw new BadInput("--max-tool-rounds must be at least 1.");
        }
    }

    private int send() throws InterruptedException {
        ProviderProfile profile = connection.profile();
        List<ChatMessage> given = messagesFile == null ? null : JsonOptions.messages(messagesFile);
        String message = given == null ? request.message() : request.messageIfGiven();
        try (LocalEngine engine = LocalEngine.of(connection, context.env())) {
            ChatSettings asked = engine == null ? request.settings(profile) : engine.settings(request, profile);
            ChatSettings settings = tools == null ? asked : tools.addedTo(asked);
            ChatRequest wire = given == null ? RequestOptions.checked(settings, message)
                    : RequestOptions.checked(settings.toRequest(withMessage(given, message)));
            Optional<ApiKey> key = connection.key(profile, context.env());
            try (ProviderClients clients = connection.clients(profile, key, context.env());
                 Admission budget = admitted(settings, wire)) {
                ResultTap backends = new ResultTap(engine == null ? new ProviderBackends(clients) : engine.backends());
                return given == null ? send(backends, settings, message) : sendWhole(backends, settings, wire);
            }
        }
    }

    /** The budgets' word on the request: refused under a hard stop, else a warning when there is one. */
    private Admission admitted(ChatSettings settings, ChatRequest wire) {
        Admission admission = context.usage().admit(new RequestOrigin(settings.providerId(), settings.baseUrl(), null, null,
                LedgerEntry.CLI), wire);
        BudgetCheck check = admission.check();
        if (!check.allowsSend()) {
            admission.close();
            throw new BadInput(check.message());
        }
        if (check.verdict() != BudgetCheck.Verdict.OK) context.err().println("parley: " + check.message());
        return admission;
    }

    private static List<ChatMessage> withMessage(List<ChatMessage> given, String message) {
        List<ChatMessage> messages = new ArrayList<>(given);
        if (message != null) {
            messages.add(ChatMessage.user(message));
        }
        return messages;
    }

    private int send(ResultTap backends, ChatSettings settings, String message) throws InterruptedException {
        ChatService service = new ChatService(backends);
        service.setSettings(settings);
        service.addExchangeListener(new ExchangeLog(() -> false));
        if (!json) {
            service.addListener(this::print);
        }
        Awaited awaited = await(service.send(message));
        if (!allowTools) {
            return report(awaited, backends.last());
        }
        toolMillis = 0L;
        for (int round = 0; awaited.asksForTools(); round++) {
            if (round == maxToolRounds) {
                int code = report(awaited, backends.last());
                context.err().println("parley: the model still calls tools after " + maxToolRounds + " rounds of results"
                        + " (--max-tool-rounds " + maxToolRounds + "); its last calls were not run");
                return code == OK ? FAILED : code;
            }
            earlierCost = sum(earlierCost, context.usage().recorded(awaited.end().record()));
            endLine(awaited.end());
            awaited = await(service.sendToolResults(runCalls(awaited.end().message().toolCalls())));
        }
        return report(awaited, backends.last());
    }

    /** A reply that ended, and whether --timeout ran out before it did. */
    private record Awaited(ChatEvent.Ended end, boolean timeRanOut) {
        boolean asksForTools() {
            return end.outcome() == Outcome.COMPLETED && !end.message().toolCalls().isEmpty();
        }
    }

    private Awaited await(Reply reply) throws InterruptedException {
        Duration timeout = connection.timeout();
        ChatEvent.Ended end = timeout == null ? reply.await() : reply.await(timeout);
        boolean timeRanOut = end == null;
        if (timeRanOut) {
            reply.timeUp();
            end = reply.await();
        }
        return new Awaited(end, timeRanOut);
    }

    private int report(Awaited awaited, ChatResult whole) {
        Duration timeout = connection.timeout();
        ChatEvent.Ended end = awaited.end();
        return report(end, timeout == null ? end.record().error() : withTimeout(end, awaited.timeRanOut(), timeout),
                awaited.timeRanOut(), whole);
    }

    /** Runs each call of the reply in turn: one result per call, in the calls' order. */
    private List<parley.chat.ToolResult> runCalls(List<ToolCall> calls) throws InterruptedException {
        List<parley.chat.ToolResult> results = new ArrayList<>();
        for (ToolCall call : calls) {
            McpToolRunner.Ran ran = tools.run(call);
            long millis = ran.result().elapsed().toMillis();
            toolMillis += millis;
            if (!json) {
                context.out().println("tool call " + call.id() + ": " + call.name() + " " + call.arguments());
                context.out().flush();
                context.err().println("tool " + call.name() + " (" + millis + " ms)"
                        + (ran.result().isError() ? ": error: " + ran.result().text().replace('\n', ' ') : ""));
                context.err().flush();
            }
            results.add(parley.chat.ToolResult.of(call.id(), ran.content()));
        }
        return results;
    }

    private void endLine(ChatEvent.Ended end) {
        if (!json && !end.message().content().isEmpty() && !end.message().content().endsWith("\n")) {
            context.out().println();
        }
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** A request whose messages are given whole: sent as it is, without a conversation. */
    private int sendWhole(BackendFactory backends, ChatSettings settings, ChatRequest wire) throws InterruptedException {
        Duration timeout = connection.timeout();
        long start = System.nanoTime();
        ChatEvent.Ended end;
        try (var backend = backends.backendFor(settings)) {
            end = DirectExchange.run(backend, settings, wire, json ? event -> { } : this::print, timeout);
        }
        new ExchangeLog(() -> false).finished(end.record());
        boolean timeRanOut = timeout != null && System.nanoTime() - start >= timeout.toNanos();
        return report(end, timeout == null ? end.record().error() : withTimeout(end, timeRanOut, timeout), timeRanOut,
                end.record().result());
    }

    /**
     * The error of a reply sent with --timeout: when it ran out (or the silence it also limits did),
     * the server's last answer if a retry was still pending, else a timeout (with the retries made
     * before it).
     */
    private static ApiError withTimeout(ChatEvent.Ended end, boolean timeRanOut, Duration timeout) {
        ApiError error = end.record().error();
        boolean timedOut = error != null ? error.kind() == ApiError.Kind.TIMEOUT
                : timeRanOut && end.outcome() != Outcome.COMPLETED;
        if (!timedOut) {
            return error;
        }
        return new ApiError(ApiError.Kind.TIMEOUT, 0, "timeout",
                "no complete reply within " + timeout.toSeconds() + " s (--timeout)", error == null ? 0 : error.retries());
    }

    private int report(ChatEvent.Ended end, ApiError error, boolean timeRanOut, ChatResult whole) {
        BigDecimal cost = sum(earlierCost, context.usage().recorded(end.record()));
        boolean failed = error != null || end.outcome() != Outcome.COMPLETED;
        if (json) {
            context.out().println(SendReport.json(end, error, cost, whole, toolMillis));
            context.out().flush();
            return failed ? FAILED : OK;
        }
        endLine(end);
        printCallsAndChoices(whole);
        context.out().flush();
        if (error != null) {
            context.err().println("parley: " + SendReport.describe(error)
                    + (timeRanOut && error.kind() != ApiError.Kind.TIMEOUT ? "; --timeout ran out before the next try" : "")
                    + (end.record().result().truncated() ? "; the reply above is truncated" : ""));
        } else if (end.outcome() == Outcome.TRUNCATED) {
            context.err().println("parley: the connection ended before the reply was complete; what arrived is above (truncated)");
        }
        return failed ? FAILED : OK;
    }

    /** The first choice's tool calls, then each further choice under its own heading. */
    private void printCallsAndChoices(ChatResult whole) {
        if (whole == null) {
            return;
        }
        List<Choice> choices = whole.choices();
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            if (i > 0) {
                context.out().println("--- choice " + choice.index() + " ---");
                if (!choice.content().isEmpty()) {
                    context.out().println(choice.content().stripTrailing());
                }
            }
            for (ToolCall call : choice.toolCalls()) {
                context.out().println("tool call " + call.id() + ": " + call.name() + " " + call.arguments());
            }
        }
    }

    private void print(ChatEvent event) {
        switch (event) {
            case ChatEvent.Text t -> printText(t.text());
            case ChatEvent.Reasoning r -> printReasoning(r.text());
            default -> { }
        }
    }

    private void print(StreamEvent event) {
        switch (event) {
            case StreamEvent.Delta d -> printText(d.text());
            case StreamEvent.Reasoning r -> printReasoning(r.text());
            default -> { }
        }
    }

    private void printText(String text) {
        if (reasoningOpen) {
            context.err().println();
            context.err().flush();
            reasoningOpen = false;
        }
        context.out().print(text);
        context.out().flush();
    }

    private void printReasoning(String text) {
        reasoningOpen = !text.endsWith("\n");
        context.err().print(text);
        context.err().flush();
    }
}
