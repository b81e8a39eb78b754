package parley.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import parley.api.ApiError;
import parley.chat.BackendFactory;
import parley.chat.ChatEvent;
import parley.chat.ChatService;
import parley.chat.ChatSettings;
import parley.chat.Outcome;
import parley.chat.ProviderBackends;
import parley.chat.Reply;
import parley.log.ExchangeLog;
import parley.provider.ApiKey;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley send}: one message, the reply streamed to stdout (reasoning to stderr) or one JSON object. */
@Command(name = "send", description = "Send one message and print the reply as it arrives.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class SendCommand extends Subcommand {
    @Mixin
    ConnectionOptions connection;

    @Mixin
    RequestOptions request;

    @Option(names = "--json", description = "print one JSON object at the end instead of the text")
    boolean json;

    private boolean reasoningOpen;

    public SendCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() throws InterruptedException {
        ProviderProfile profile = connection.profile();
        String message = request.message();
        try (LocalEngine engine = LocalEngine.of(connection, context.env())) {
            ChatSettings settings = engine == null ? request.settings(profile) : engine.settings(request, profile);
            RequestOptions.checked(settings, message);
            Optional<ApiKey> key = connection.key(profile, context.env());
            try (ProviderClients clients = connection.clients(profile, key, context.env())) {
                BackendFactory backends = engine == null ? new ProviderBackends(clients) : engine.backends();
                return send(backends, settings, message);
            }
        }
    }

    private int send(BackendFactory backends, ChatSettings settings, String message) throws InterruptedException {
        Duration timeout = connection.timeout();
        ChatService service = new ChatService(backends);
        service.setSettings(settings);
        service.addExchangeListener(new ExchangeLog(() -> false));
        if (!json) {
            service.addListener(this::print);
        }
        Reply reply = service.send(message);
        ChatEvent.Ended end = timeout == null ? reply.await() : reply.await(timeout);
        boolean timeRanOut = end == null;
        if (timeRanOut) {
            reply.timeUp();
            end = reply.await();
        }
        return report(end, timeout == null ? end.record().error() : withTimeout(end, timeRanOut, timeout), timeRanOut);
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

    private int report(ChatEvent.Ended end, ApiError error, boolean timeRanOut) {
        BigDecimal cost = context.usage().recorded(end.record());
        boolean failed = error != null || end.outcome() != Outcome.COMPLETED;
        if (json) {
            context.out().println(SendReport.json(end, error, cost));
            context.out().flush();
            return failed ? FAILED : OK;
        }
        if (!end.message().content().isEmpty() && !end.message().content().endsWith("\n")) {
            context.out().println();
        }
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

    private void print(ChatEvent event) {
        switch (event) {
            case ChatEvent.Text t -> {
                if (reasoningOpen) {
                    context.err().println();
                    context.err().flush();
                    reasoningOpen = false;
                }
                context.out().print(t.text());
                context.out().flush();
            }
            case ChatEvent.Reasoning r -> {
                reasoningOpen = !r.text().endsWith("\n");
                context.err().print(r.text());
                context.err().flush();
            }
            default -> { }
        }
    }
}
